import { fakeCalendar } from './fake-calendar';
import { formatProblems, loadConfig } from '../../../lambda/core/config';

function load(channels: string) {
  return loadConfig(`version: 1\nchannels:\n${channels}`, 'renewal-guard.yaml', fakeCalendar());
}

function problems(channels: string): string {
  const result = load(channels);
  if (result.ok) throw new Error('expected problems, the document was valid');
  return formatProblems(result.problems);
}

describe('channel options', () => {
  it('keeps DingTalk mentions: atMobiles as trimmed strings and atAll', () => {
    // Act
    const result = load(`
  - id: ding
    type: dingtalk
    secret: renewal-guard/ding
    options: { atMobiles: [" 13800000000 ", "+86-13900000000"], atAll: true }
`);

    // Assess
    expect(result.ok && result.config.channels[0].options).toEqual({
      atMobiles: ['13800000000', '+86-13900000000'],
      atAll: true,
    });
  });

  it('accepts an empty options mapping on any type', () => {
    // Act
    const result = load(`
  - id: hook
    type: webhook
    secret: renewal-guard/hook
    options: {}
`);

    // Assess
    expect(result.ok && result.config.channels[0].options).toEqual({});
  });

  it('names each unknown key of a type without options, suggesting removal', () => {
    // Act / Assess
    expect(
      problems(`
  - id: pager
    type: pagerduty
    secret: renewal-guard/pager
    options: { severity: critical }
  - id: chat
    type: slack
    secret: renewal-guard/slack
    options: { channel: "#ops", username: guard }
`),
    ).toBe(
      [
        'channels[0].options.severity: not an option of type pagerduty, which takes none; remove it',
        'channels[1].options.channel: not an option of type slack, which takes none; remove it',
        'channels[1].options.username: not an option of type slack, which takes none; remove it',
      ].join('\n'),
    );
  });

  it('suggests the DingTalk option a key was probably meant to be, else lists them', () => {
    // Act / Assess
    expect(
      problems(`
  - id: ding
    type: dingtalk
    secret: renewal-guard/ding
    options: { atall: true, mentions: ["13800000000"] }
`),
    ).toBe(
      [
        'channels[0].options.atall: not an option of type dingtalk; did you mean atAll?',
        'channels[0].options.mentions: not an option of type dingtalk; its options are atMobiles, atAll',
      ].join('\n'),
    );
  });

  it('checks the values of DingTalk options', () => {
    // Act / Assess
    expect(
      problems(`
  - id: ding
    type: dingtalk
    secret: renewal-guard/ding
    options: { atMobiles: [13800000000, "alice", { m: 1 }], atAll: "yes" }
  - id: ding2
    type: dingtalk
    secret: renewal-guard/ding2
    options: { atMobiles: "13800000000" }
`),
    ).toBe(
      [
        'channels[0].options.atMobiles[0]: expected a quoted mobile number such as "13800000000", got 13800000000',
        'channels[0].options.atMobiles[1]: "alice" is not a mobile number (digits, optionally with + and a country code)',
        'channels[0].options.atMobiles[2]: expected a mobile number, got a mapping',
        'channels[0].options.atAll: expected true or false, got "yes"',
        'channels[1].options.atMobiles: expected a list of mobile numbers, got "13800000000"',
      ].join('\n'),
    );
  });

  it('does not judge options when the type itself is wrong', () => {
    // Act / Assess
    expect(
      problems(`
  - id: chat
    type: slak
    options: { anything: 1 }
`),
    ).toBe(
      'channels[0].type: "slak" is not a channel type; expected one of email, sms, dingtalk, feishu, wecom, slack, teams, webhook, pagerduty; did you mean slack?',
    );
  });
});
