/**
 * With zh-CN, every alert kind on every channel a person reads is Chinese: titles, labels, actions, and
 * the details — an account alert says its numbers (its figures) in Chinese instead of the core's English
 * message, and where the facts say it all the English message is left out. The operators' notices whose
 * details are configuration to paste (calendar-provisional, holiday-readiness, not-in-inventory) keep
 * that text as it is, under a Chinese title and action.
 */
import { EN } from '../../lambda/channels/messages/en';
import { ALERT_KINDS, type Alert, type AlertFigures, type ChannelType } from '../../lambda/core/model';
import { render } from '../../lambda/delivery/render';
import { ACK_URL, channelOf, expiryAlert } from '../channels/channel-fixtures';

const PEOPLE: readonly ChannelType[] = ['email', 'sms', 'dingtalk', 'feishu', 'wecom', 'slack', 'teams'];
const KEPT_AS_WRITTEN = new Set(['calendar-provisional', 'holiday-readiness', 'not-in-inventory']);
const CORE_MESSAGE = 'The core says this in English, with numbers: 312.40 USD.';

const FIGURES: Partial<Record<Alert['kind'], AlertFigures>> = {
  balance: { currency: 'USD', balance: 312.4, runwayDays: 9.1, minAmount: 500, minRunwayDays: 14 },
  runway: { currency: 'USD', balance: 312.4, runwayDays: 2.5, minRunwayDays: 14 },
  'spend-spike': { currency: 'USD', spend: 450, spendOn: '2026-09-29', averageSpend: 100, balance: 2700 },
  'spend-growth': { currency: 'USD', growthPercent: 35, month: '2026-09', averageSpend: 135, previousMonthSpend: 100 },
  'blind-spot': { failures: 3, error: 'HTTP 401 AuthFailure' },
};

function alertOf(kind: Alert['kind']): Alert {
  const figures = FIGURES[kind];
  return expiryAlert({
    kind,
    key: `live-rtc:${kind}:2026-10-09`,
    message: CORE_MESSAGE,
    ...(figures && { figures }),
  });
}

/** Our own English words: labels, severities and actions (names and ids in the fixture are data). */
const ENGLISH_WORDS = [
  ...Object.values(EN.labels),
  ...Object.values(EN.severity),
  ...Object.values(EN.actions).filter((a): a is string => typeof a === 'string'),
];

describe.each(ALERT_KINDS.filter((k) => k !== 'digest'))('a %s alert in zh-CN', (kind) => {
  it.each(PEOPLE)('reads Chinese on %s', (type) => {
    // Act
    const payloads = render(alertOf(kind), channelOf(type), 'zh-CN', { serviceName: 'Live app RTC', ackUrl: ACK_URL });
    const text = JSON.stringify(payloads);

    // Assess
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    for (const word of ENGLISH_WORDS) {
      expect([kind, type, text.includes(`"${word}`) || text.includes(` ${word}`)]).toEqual([kind, type, false]);
    }
    if (!KEPT_AS_WRITTEN.has(kind)) expect(text).not.toContain(CORE_MESSAGE);
  });
});

describe('an account alert in zh-CN', () => {
  it.each([
    ['balance', '余额 312.40 USD，低于最低值 500 USD；按当前消费约可用 9.1 天，少于 14 天。'],
    ['spend-spike', '2026-09-29 的消费为 450 USD，是近期日均 100 USD 的 4.5 倍。当前余额 2700 USD。'],
    ['spend-growth', '2026-09 日均消费 135 USD，上月为 100 USD，环比增长 35%。'],
    ['blind-spot', '连续 3 次无法读取该账号：HTTP 401 AuthFailure'],
  ] as const)('says the numbers of a %s alert in Chinese', (kind, words) => {
    const [email] = render(alertOf(kind), channelOf('email'), 'zh-CN');

    expect(email!.text).toContain(`详情：${words}`);
  });

  it('keeps the core message in English, where it is already the reader language', () => {
    const [email] = render(alertOf('balance'), channelOf('email'), 'en');

    expect(email!.text).toContain(`Details: ${CORE_MESSAGE}`);
  });
});
