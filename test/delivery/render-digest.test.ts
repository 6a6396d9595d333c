/**
 * A digest of any size fits every carrier: the outbox item (DynamoDB 400 KB), the SNS message (256 KB),
 * the EventBridge event (256 KB), each chat platform's message, two SMS segments. Per project it shows
 * counts and the most urgent services; the report link carries the rest; chat platforms get it split
 * on project boundaries, in the summary's order, each message with the report link.
 */
import { bigDigest, REPORT_URL, type DigestShape } from './digest-fixtures';
import { snsPublications, SNS_MESSAGE_BYTES } from '../../lambda/aws/sns-alert-publisher';
import {
  DINGTALK_LIMITS,
  FEISHU_LIMITS,
  SLACK_LIMITS,
  TEAMS_LIMITS,
  WECOM_LIMITS,
} from '../../lambda/channels/formatters';
import { smsCost } from '../../lambda/channels/text/sms-encoding';
import { utf8Length } from '../../lambda/channels/text/truncate';
import { LANGUAGES, type ChannelType, type Language } from '../../lambda/core/model';
import { DIGEST_SUMMARY_LIMITS } from '../../lambda/core/policy';
import { render, renderEventDetail } from '../../lambda/delivery/render';
import { channelOf } from '../channels/channel-fixtures';
import {
  checkDingTalkShape,
  checkFeishuShape,
  checkSlackShape,
  checkTeamsShape,
  checkWeComShape,
} from '../support/receivers';

const CHAT: readonly ChannelType[] = ['dingtalk', 'wecom', 'feishu', 'slack', 'teams'];
const CHANNELS = [...CHAT, 'email', 'sms', 'webhook', 'pagerduty'].map((t) => channelOf(t as ChannelType));
const DYNAMO_ITEM_BYTES = 400 * 1024;
const EVENT_BYTES = 256 * 1024;

/** Every problem a payload has against its platform's documented limits and shape. */
function limitProblems(type: ChannelType, payload: unknown): string[] {
  const json = utf8Length(JSON.stringify(payload));
  switch (type) {
    case 'dingtalk': {
      const p = payload as { markdown: { title: string; text: string } };
      return [
        ...checkDingTalkShape(payload),
        ...(utf8Length(p.markdown.text) > DINGTALK_LIMITS.textBytes ? ['text too long'] : []),
        ...(p.markdown.title.length > DINGTALK_LIMITS.titleChars ? ['title too long'] : []),
      ];
    }
    case 'wecom': {
      const p = payload as { markdown: { content: string } };
      return [
        ...checkWeComShape(payload),
        ...(utf8Length(p.markdown.content) > WECOM_LIMITS.contentBytes ? ['content too long'] : []),
      ];
    }
    case 'feishu':
      return [...checkFeishuShape(payload), ...(json > FEISHU_LIMITS.bodyBytes ? ['body too long'] : [])];
    case 'slack': {
      const p = payload as { blocks: unknown[]; text: string };
      return [
        ...checkSlackShape(payload),
        ...(p.blocks.length > SLACK_LIMITS.blocks ? ['too many blocks'] : []),
        ...(p.text.length > SLACK_LIMITS.fallbackChars ? ['fallback too long'] : []),
      ];
    }
    case 'teams':
      return [...checkTeamsShape(payload), ...(json > TEAMS_LIMITS.messageBytes ? ['card too large'] : [])];
    default:
      return [];
  }
}

/** The digest's project headings in a payload's text, in order of appearance. */
function projectsIn(payload: unknown, language: Language): string[] {
  const text = JSON.stringify(payload);
  const heading = language === 'zh-CN' ? /项目 (project-[^：:\\]+)：/g : /Project (project-[^:：\\]+):/g;
  return [...text.matchAll(heading)].map((m) => m[1]!);
}

describe.each<[string, DigestShape]>([
  ['3,000 services in 300 projects', { services: 3000, projects: 300 }],
  [
    '10,000 services in 10,000 projects, every name, id and error at its longest',
    {
      services: 10_000,
      projects: 10_000,
      accounts: 1000,
      longest: true,
    },
  ],
])('a digest of %s', (_name, shape) => {
  const digest = bigDigest(shape, CHANNELS);
  const summary = digest.digest!;

  it('travels as bounded facts: the outbox item, the SNS message and the event all fit', () => {
    // Assess
    expect(summary.totals.services).toBe(shape.services);
    expect(summary.projects.length).toBe(DIGEST_SUMMARY_LIMITS.projects);
    expect(summary.projectsOmitted).toBe(shape.projects - DIGEST_SUMMARY_LIMITS.projects);
    expect(summary.projects.every((p) => p.urgent.length <= DIGEST_SUMMARY_LIMITS.servicesPerProject)).toBe(true);
    // the outbox item holds the alert plus a few bookkeeping fields
    expect(utf8Length(JSON.stringify(digest))).toBeLessThan(DYNAMO_ITEM_BYTES / 4);
    for (const language of LANGUAGES) {
      const messages = snsPublications(
        digest,
        { ackUrl: () => 'x', reportUrl: () => REPORT_URL },
        {
          language,
          channels: CHANNELS,
          services: [],
        },
      );
      for (const m of messages) {
        const attributes = JSON.stringify(m.MessageAttributes);
        expect(utf8Length(m.Message) + utf8Length(attributes)).toBeLessThanOrEqual(SNS_MESSAGE_BYTES);
        expect(m.Subject.length).toBeLessThan(100);
      }
      expect(utf8Length(JSON.stringify(renderEventDetail(digest, language)))).toBeLessThan(EVENT_BYTES);
    }
  });

  it('lists the most urgent projects first, and services worst first within each', () => {
    const ranks = summary.projects.map((p) => ['expired', 'critical', 'due-soon', 'ok', 'undated'].indexOf(p.worst));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(summary.projects[0]!.urgent[0]!.status).toBe('expired');
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(CHAT)(
      'splits across %s messages within its limits, in a stable order, each with the report link',
      (type) => {
        // Act
        const parts = render(digest, channelOf(type), language, { reportUrl: REPORT_URL });
        const again = render(digest, channelOf(type), language, { reportUrl: REPORT_URL });

        // Assess
        // 4 KB platforms always split 30 projects; the card platforms (20-28 KB) only at the longest names
        const small = ['dingtalk', 'wecom', 'slack'].includes(type);
        expect(parts.length > 1).toBe(small || shape.longest === true);
        expect(again).toEqual(parts);
        parts.forEach((part, i) => {
          expect(limitProblems(type, part)).toEqual([]);
          expect(JSON.stringify(part)).toContain(REPORT_URL);
          const mark = language === 'zh-CN' ? `（${i + 1}/${parts.length}）` : `(${i + 1}/${parts.length})`;
          if (parts.length > 1) expect(JSON.stringify(part)).toContain(mark);
        });
        // every listed project appears whole in exactly one message, in the summary's order
        const shown = parts.flatMap((p) => projectsIn(p, language));
        expect(shown).toEqual(summary.projects.map((p) => p.project));
      },
    );

    it('sends email and the webhook whole, SMS its totals within two segments, PagerDuty nothing', () => {
      // Act
      const [email, ...moreEmail] = render(digest, channelOf('email'), language, { reportUrl: REPORT_URL });
      const [sms] = render(digest, channelOf('sms'), language, { reportUrl: REPORT_URL });
      const [webhook] = render(digest, channelOf('webhook'), language, { reportUrl: REPORT_URL });
      const pager = render(digest, channelOf('pagerduty'), language, { reportUrl: REPORT_URL });

      // Assess
      expect(moreEmail).toEqual([]);
      expect(projectsIn(email, language)).toEqual(summary.projects.map((p) => p.project));
      expect(email!.text).toContain(REPORT_URL);
      expect(smsCost(sms!).segments).toBeLessThanOrEqual(2);
      expect(sms).toContain(String(shape.services));
      expect(webhook!.digest).toEqual(summary);
      expect(webhook!.reportUrl).toBe(REPORT_URL);
      expect(pager).toEqual([]);
    });
  });
});
