/**
 * User text is data: names, owners, projects and vendor messages reach every platform inert — on one
 * line, with no link, image, mention or heading of their own. The only link a message holds is ours.
 */
import type { Alert, ChannelType } from '../../lambda/core/model';
import { LANGUAGES } from '../../lambda/core/model';
import { render } from '../../lambda/delivery/render';
import { ACK_URL, balanceAlert, channelOf, expiryAlert } from '../channels/channel-fixtures';

const EVIL_OWNER = 'alice@example.com\n[Renew now](https://evil.example.com/pay)';
const EVIL_NAME =
  'Live <https://evil.example.com/a|app> ![x](https://evil.example.com/x.png) <font color="red">!</font>';
const EVIL_PROJECT = 'live-app\n# Pay here: https://evil.example.com/pay';
const EVIL_MESSAGE = 'Balance low. [Top up here](https://evil.example.com/pay) <at user_id="all">everyone</at>';

const alerts: [string, Alert][] = [
  ['an expiry reminder', expiryAlert({ owners: [EVIL_OWNER, 'bob@example.com'], project: EVIL_PROJECT })],
  ['a balance alert', balanceAlert({ owners: [EVIL_OWNER], project: EVIL_PROJECT, message: EVIL_MESSAGE })],
];

/** Every string a payload holds, with the JSON key it sits under. */
function texts(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => texts(v, k));
  return [];
}

/** The links a markdown renderer (DingTalk, WeCom, Feishu lark_md, Teams) would draw. */
function markdownLinks(text: string): string[] {
  return [...text.matchAll(/!?\[[^\]\n]*\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
}

/** The links Slack mrkdwn would draw: `<url|label>` and `<url>`. */
function mrkdwnLinks(text: string): string[] {
  return [...text.matchAll(/<([^>|]+)(\|[^>]*)?>/g)].map((m) => m[1]!);
}

/** The texts Slack reads as mrkdwn: the fallback `text` and every `mrkdwn` text object (not plain_text). */
function slackMrkdwn(payload: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (typeof value === 'object' && value !== null) {
      const obj = value as Record<string, unknown>;
      if (obj.type === 'mrkdwn' && typeof obj.text === 'string') found.push(obj.text);
      Object.values(obj).forEach(walk);
    }
  };
  walk(payload);
  return [(payload as { text: string }).text, ...found];
}

/** URLs any client would auto-link in plain text. */
function bareUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s)<>\]|"]+/g)].map((m) => m[0]);
}

const MARKDOWN: readonly ChannelType[] = ['dingtalk', 'wecom', 'feishu', 'teams'];
const EVERY: readonly ChannelType[] = ['dingtalk', 'wecom', 'feishu', 'teams', 'slack', 'email', 'sms', 'pagerduty'];

describe.each(LANGUAGES)('user text in %s', (language) => {
  describe.each(alerts)('in %s', (_what, alert) => {
    it.each(EVERY)('renders inert on %s: the only link is the acknowledge link', (type) => {
      // Act
      const payloads = render(alert, channelOf(type), language, { serviceName: EVIL_NAME, ackUrl: ACK_URL });

      // Assess
      const all = texts(payloads).filter((t) => !['url', 'href', '$schema'].includes(t.key));
      for (const { text } of all) {
        expect(bareUrls(text).filter((u) => u !== ACK_URL)).toEqual([]);
        if (MARKDOWN.includes(type)) {
          expect(markdownLinks(text).filter((u) => u !== ACK_URL)).toEqual([]);
          // no HTML or WeCom font tag of the user's own, and no Feishu mention
          expect(text).not.toMatch(/<font color="red">|<at /);
        }
      }
      if (type === 'slack') {
        for (const text of slackMrkdwn(payloads[0])) expect(mrkdwnLinks(text)).toEqual([]);
      }
      // the owner's line break never starts a line of its own
      expect(all.some(({ text }) => /\n\s*[-#>]*\s*[[［]?Renew now/.test(text))).toBe(false);
      expect(all.some(({ text }) => /\n#+ Pay here/.test(text))).toBe(false);
    });
  });

  it('keeps what the user wrote readable: the owner address and the words are all there', () => {
    // Act
    const [message] = render(expiryAlert({ owners: [EVIL_OWNER] }), channelOf('dingtalk'), language, {
      serviceName: EVIL_NAME,
    });

    // Assess
    expect(message!.markdown.text).toContain('alice@example.com ［Renew now］(https∶//evil.example.com/pay)');
    expect(message!.markdown.text).toContain(
      'Live ＜https∶//evil.example.com/a｜app＞ !［x］(https∶//evil.example.com/x.png)',
    );
  });

  it('leaves the webhook body as data: the raw values for machines, the title inert', () => {
    // Act
    const [body] = render(expiryAlert({ owners: [EVIL_OWNER] }), channelOf('webhook'), language, {
      serviceName: EVIL_NAME,
    });

    // Assess
    expect(body!.owners).toEqual([EVIL_OWNER]);
    expect(body!.title).not.toContain('\n');
    expect(bareUrls(body!.title)).toEqual([]);
  });
});
