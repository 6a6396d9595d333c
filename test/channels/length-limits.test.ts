import { ACK_URL, balanceAlert, channelOf, expiryAlert } from './channel-fixtures';
import {
  DINGTALK_LIMITS,
  formatDingTalk,
  formatEmail,
  formatFeishu,
  formatPagerDuty,
  formatSlack,
  formatSms,
  formatTeams,
  formatWebhook,
  formatWeCom,
  type FormatInput,
} from '../../lambda/channels/formatters';
import { FIELD_CAPS } from '../../lambda/channels/messages';
import { smsCost } from '../../lambda/channels/text/sms-encoding';
import { utf8Length } from '../../lambda/channels/text/truncate';
import type { Alert, ChannelType, Language } from '../../lambda/core/model';
import {
  checkDingTalkShape,
  checkFeishuShape,
  checkPagerDutyShape,
  checkSlackShape,
  checkTeamsShape,
  checkWeComShape,
  FEISHU_MAX_BODY_BYTES,
  hasLoneSurrogate,
  TEAMS_MAX_MESSAGE_BYTES,
  WECOM_MAX_CONTENT_BYTES,
} from '../support/receivers';

// 13 CJK characters, then an astral one (a surrogate pair), repeated far past every platform's limit.
const LONG_NAME = '超长实时音视频云服务套餐名称测试𠀀'.repeat(600);
// A vendor error that goes on and on, as the details of an account alert.
const LONG_DETAILS = `供应商返回错误：${'余额查询接口超时，请稍后重试。😀'.repeat(800)}`;

function input(type: ChannelType, alert: Alert, language: Language): FormatInput {
  return { alert, channel: channelOf(type), language, serviceName: LONG_NAME, ackUrl: ACK_URL };
}

/** Every string inside a payload, to look for half characters wherever they might hide. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

const cases: [string, Alert][] = [
  ['an expiry reminder with a very long CJK service name', expiryAlert()],
  ['a balance alert with very long CJK details', balanceAlert({ message: LONG_DETAILS, serviceId: 'live-rtc' })],
];

describe.each(['en', 'zh-CN'] as Language[])('limits in %s', (language) => {
  describe.each(cases)('for %s', (_name, alert) => {
    it('keeps DingTalk markdown within our caps, with the link and the key intact', () => {
      const payload = formatDingTalk(input('dingtalk', alert, language));
      expect(checkDingTalkShape(payload)).toEqual([]);
      expect(payload.markdown.title.length).toBeLessThanOrEqual(DINGTALK_LIMITS.titleChars);
      expect(utf8Length(payload.markdown.text)).toBeLessThanOrEqual(DINGTALK_LIMITS.textBytes);
      expect(payload.markdown.text).toContain(ACK_URL);
      expect(payload.markdown.text).toContain(alert.key);
      expect(payload.markdown.text).toContain('…');
    });

    it('keeps the Feishu body under 20 KB', () => {
      const payload = formatFeishu(input('feishu', alert, language));
      expect(checkFeishuShape(payload)).toEqual([]);
      // delivery adds timestamp and sign: about 80 bytes
      expect(
        utf8Length(JSON.stringify({ timestamp: '1790731800', sign: 'x'.repeat(44), ...payload })),
      ).toBeLessThanOrEqual(FEISHU_MAX_BODY_BYTES);
      expect(JSON.stringify(payload)).toContain(ACK_URL);
    });

    it('keeps WeCom markdown within 4096 UTF-8 bytes', () => {
      const payload = formatWeCom(input('wecom', alert, language));
      expect(checkWeComShape(payload)).toEqual([]);
      expect(utf8Length(payload.markdown.content)).toBeLessThanOrEqual(WECOM_MAX_CONTENT_BYTES);
      expect(payload.markdown.content).toContain(ACK_URL);
      expect(payload.markdown.content).toContain(alert.key);
    });

    it("keeps every Slack block within Block Kit's limits", () => {
      const payload = formatSlack(input('slack', alert, language));
      expect(checkSlackShape(payload)).toEqual([]);
      expect(JSON.stringify(payload)).toContain(ACK_URL);
    });

    it('keeps the Teams message under 28 KB', () => {
      const payload = formatTeams(input('teams', alert, language));
      expect(checkTeamsShape(payload)).toEqual([]);
      expect(utf8Length(JSON.stringify(payload))).toBeLessThanOrEqual(TEAMS_MAX_MESSAGE_BYTES);
    });

    it('keeps the PagerDuty summary within 1024 characters', () => {
      const payload = formatPagerDuty(input('pagerduty', alert, language));
      expect(checkPagerDutyShape(payload, { requireRoutingKey: false })).toEqual([]);
      expect(payload.payload.summary.length).toBeLessThanOrEqual(1024);
    });

    it('keeps the email subject under 100 characters', () => {
      expect(formatEmail(input('email', alert, language)).subject.length).toBeLessThan(100);
    });

    it('keeps an SMS to two segments', () => {
      expect(smsCost(formatSms(input('sms', alert, language))).segments).toBeLessThanOrEqual(2);
    });

    it('cuts by characters and bytes without leaving half a character anywhere', () => {
      const payloads = [
        formatDingTalk,
        formatFeishu,
        formatWeCom,
        formatSlack,
        formatTeams,
        formatPagerDuty,
        formatEmail,
        formatSms,
      ].map((format, i) =>
        format(
          input(
            (['dingtalk', 'feishu', 'wecom', 'slack', 'teams', 'pagerduty', 'email', 'sms'] as const)[i],
            alert,
            language,
          ),
        ),
      );
      expect(strings(payloads).filter(hasLoneSurrogate)).toEqual([]);
    });
  });

  it('caps the service name in the message at its field cap, ending in an ellipsis', () => {
    const payload = formatSlack(input('slack', expiryAlert(), language));
    const service = JSON.stringify(payload).match(/超长[^"(]*…/)?.[0];
    expect(service).toBeDefined();
    expect(service!.length).toBeLessThanOrEqual(FIELD_CAPS.name);
  });

  it('passes the full name to a generic webhook, which has no documented limit', () => {
    expect(formatWebhook(input('webhook', expiryAlert(), language)).serviceName).toBe(LONG_NAME);
  });
});

describe('SMS segments', () => {
  it('keeps an English reminder in GSM characters, so it gets 160 per segment', () => {
    const text = formatSms({
      alert: expiryAlert(),
      channel: channelOf('sms'),
      language: 'en',
      serviceName: 'Live app RTC',
    });
    expect(smsCost(text)).toEqual({ encoding: 'gsm7', units: text.length + 2, segments: 1 });
  });

  it('drops the acknowledge link before cutting a Chinese reminder, then fits two UCS-2 segments', () => {
    const text = formatSms({
      alert: expiryAlert(),
      channel: channelOf('sms'),
      language: 'zh-CN',
      serviceName: 'Live app RTC',
      ackUrl: ACK_URL,
    });
    expect(text).not.toContain(ACK_URL);
    expect(text).toContain('负责人');
    expect(smsCost(text)).toEqual({ encoding: 'ucs2', units: text.length, segments: 2 });
  });
});
