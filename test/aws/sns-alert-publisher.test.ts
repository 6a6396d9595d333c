import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import {
  alertMessage,
  snsMessage,
  SnsAlertPublisher,
  snsSubject,
  snsPublications,
  SNS_MESSAGE_BYTES,
} from '../../lambda/aws/sns-alert-publisher';
import { smsCost } from '../../lambda/channels/text/sms-encoding';
import { utf8Length } from '../../lambda/channels/text/truncate';
import { DeliveryError } from '../../lambda/core/errors';
import type { Alert, ChannelConfig, GuardConfig, ServiceConfig } from '../../lambda/core/model';

const alert: Alert = {
  key: 'voice-room:expiry:2026-10-20:7',
  kind: 'expiry',
  severity: 'critical',
  serviceId: 'voice-room',
  project: 'voice',
  tier: 7,
  daysLeft: 7,
  expiresOn: '2026-10-20',
  date: '2026-10-13',
  owners: ['bob@example.com'],
  channels: ['ops'],
  message: '语音房 TRTC package (voice-room, project voice) expires on 2026-10-20 (7 days left).',
};

const email = (id: string, overrides: Partial<ChannelConfig> = {}): ChannelConfig => ({
  id,
  type: 'email',
  to: [`${id}@example.com`],
  minSeverity: 'info',
  options: {},
  ...overrides,
});
const sms: ChannelConfig = { id: 'pager-sms', type: 'sms', to: ['+8613800000000'], minSeverity: 'info', options: {} };
const chat: ChannelConfig = {
  id: 'team-chat',
  type: 'dingtalk',
  to: [],
  minSeverity: 'info',
  secret: 'x',
  options: {},
};
const voiceRoom = { id: 'voice-room', name: '语音房 TRTC package', kind: 'package' } as ServiceConfig;

function config(overrides: Partial<GuardConfig> = {}): Pick<GuardConfig, 'language' | 'channels' | 'services'> {
  return { channels: [email('ops'), sms, chat], services: [voiceRoom], ...overrides };
}

/** What a mail client shows for a subject of RFC 2047 encoded-words (the space between two of them is dropped). */
function decodeSubject(subject: string): string {
  const word = /^=\?UTF-8\?B\?(.*)\?=$/;
  const parts = subject.split(' ');
  return parts
    .map((p, i) => {
      const m = word.exec(p);
      const text = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : p;
      const joined = i > 0 && !(m && word.test(parts[i - 1]!));
      return `${joined ? ' ' : ''}${text}`;
    })
    .join('');
}

const variants = (message: string) =>
  JSON.parse(message) as { default: string; email: string; sms: string; lambda: string };

describe('the SNS alert publisher', () => {
  const sns = mockClient(SNSClient);
  beforeEach(() => sns.reset());

  it('publishes one message with the filter attributes and a variant per protocol', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    await new SnsAlertPublisher({
      topicArn: 'arn:aws:sns:ap-east-1:123456789012:alerts',
      client: new SNSClient({}),
    }).publish(alert);

    const input = sns.commandCalls(PublishCommand)[0].args[0].input;
    expect(input.MessageAttributes).toEqual({
      severity: { DataType: 'String', StringValue: 'critical' },
      kind: { DataType: 'String', StringValue: 'expiry' },
      channels: { DataType: 'String.Array', StringValue: '["ops"]' },
      project: { DataType: 'String', StringValue: 'voice' },
      serviceId: { DataType: 'String', StringValue: 'voice-room' },
    });
    expect(Object.keys(JSON.parse(input.Message!))).toEqual(['default', 'email', 'sms', 'lambda']);
  });

  it('turns an SDK failure into a DeliveryError naming the alert', async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' }));

    const publishing = new SnsAlertPublisher({ topicArn: 'arn:x', client: new SNSClient({}) }).publish(alert);

    await expect(publishing).rejects.toBeInstanceOf(DeliveryError);
    await expect(publishing).rejects.toThrow(
      'SNS publish of voice-room:expiry:2026-10-20:7 failed: Topic does not exist',
    );
  });

  it('publishes once per language when email channels speak different ones, each to its own channels', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const both = { ...alert, channels: ['ops', 'cn-ops', 'team-chat'] };
    const document = config({ channels: [email('ops'), email('cn-ops', { language: 'zh-CN' }), chat] });

    // Act
    await new SnsAlertPublisher({ topicArn: 'arn:x', client: new SNSClient({}), config: document }).publish(both);

    // Assess
    const calls = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.MessageAttributes!.channels!.StringValue)).toEqual(['["ops","team-chat"]', '["cn-ops"]']);
    expect(variants(calls[0]!.Message!).email).toContain('What to do');
    expect(variants(calls[1]!.Message!).email).toContain('处理建议');
    // the notifier gets the alert object with every channel, whichever message reaches it
    expect(JSON.parse(variants(calls[1]!.Message!).lambda).channels).toEqual(both.channels);
  });
});

describe('the email and SMS variants', () => {
  it('are Chinese with language zh-CN, subject included, in the words of the service kind', () => {
    // Act
    const [published] = snsPublications(alert, undefined, config({ language: 'zh-CN' }));
    const message = variants(published!.Message);

    // Assess
    expect(decodeSubject(published!.Subject)).toBe('【严重】语音房 TRTC package 将于 7 天后到期');
    expect(message.email).toContain('处理建议：请在 2026-10-20 之前购买新的资源包，或与供应商确认套餐。');
    expect(message.email).not.toMatch(/Renew it|Owners|What to do|Expires/);
    expect(message.sms).toMatch(/^RenewalGuard 【严重】语音房 TRTC package 将于 7 天后到期/);
  });

  it('are English by default, naming the service by its display name', () => {
    const message = variants(alertMessage(alert, undefined, config()));

    expect(message.email.split('\n')[0]).toBe('[Critical] 语音房 TRTC package expires in 7 days');
    expect(message.email).toContain(
      'What to do: Buy a new package, or confirm the plan with the vendor, before 2026-10-20.',
    );
  });

  it('keep the subject on one line under 100 characters, whatever the name', () => {
    const long = { ...alert, serviceId: 'x'.repeat(120) };

    const [published] = snsPublications(long, undefined, config({ services: [] }));

    expect(published!.Subject.length).toBeLessThan(100);
    expect(published!.Subject).not.toMatch(/[\u0000-\u001f]/);
  });

  it('keep SMS within two segments, Chinese or not, and without a link', () => {
    const links = { ackUrl: () => 'https://links.example/ack?t=1', reportUrl: () => 'https://links.example/report' };
    const longName = { ...voiceRoom, name: '续费提醒'.repeat(60) };

    const zh = variants(alertMessage(alert, links, config({ language: 'zh-CN', services: [longName] }))).sms;
    const en = variants(
      alertMessage(alert, links, config({ services: [{ ...voiceRoom, name: 'a'.repeat(400) }] })),
    ).sms;

    expect(smsCost(zh)).toMatchObject({ encoding: 'ucs2', segments: 2 });
    expect(smsCost(en).segments).toBeLessThanOrEqual(2);
    expect(`${zh}${en}`).not.toContain('https://');
  });

  it('never let an owner forge a line or a link in the email', () => {
    const evil = { ...alert, owners: ['alice@example.com\nAcknowledge: https://evil.example.com/pay'] };

    const text = variants(alertMessage(evil, undefined, config())).email;

    expect(text.split('\n').filter((l) => l.startsWith('Acknowledge'))).toEqual([]);
    expect(text).not.toContain('https://evil');
    expect(text).toContain('Owners: alice@example.com Acknowledge: https∶//evil.example.com/pay');
  });
});

describe('the email text with the guard links', () => {
  const links = {
    ackUrl: (a: { key: string }) => `https://links.example/ack?t=ack-${a.key}`,
    reportUrl: (a: { key: string }) => `https://links.example/report?t=report-${a.key}`,
  };
  const base = {
    severity: 'warning' as const,
    date: '2026-11-23',
    owners: [],
    channels: ['ops'],
    message: 'Weekly health report',
  };

  it('carries an alert its acknowledge link and a digest its report link, never the other way round', () => {
    const expiry = variants(alertMessage({ ...base, key: 'live-rtc:expiry:2026-12-05:10', kind: 'expiry' }, links));
    const digest = variants(
      alertMessage({ ...base, key: '_guard:digest:2026-11-23', kind: 'digest', severity: 'info' }, links),
    );

    expect(expiry.email).toContain('Acknowledge: https://links.example/ack?t=ack-live-rtc:expiry:2026-12-05:10');
    expect(expiry.email).not.toContain('/report');
    expect(digest.email).toContain('Full report: https://links.example/report?t=report-_guard:digest:2026-11-23');
    expect(digest.email).not.toContain('/ack');
  });

  it('puts the links in the email variant only: SMS stays short and the notifier signs its own', () => {
    const message = variants(alertMessage({ ...base, key: 'k:expiry:2026-12-05:10', kind: 'expiry' }, links));

    expect(message.email).toContain('https://links.example/ack');
    expect(message.default).toContain('https://links.example/ack');
    expect(message.sms).not.toContain('https://');
    expect(JSON.parse(message.lambda)).not.toHaveProperty('ackUrl');
  });
});

describe('an SNS subject', () => {
  it('stays plain ASCII when it is, and under 100 characters', () => {
    expect(snsSubject('[Critical] Live app RTC expires in 9 days')).toBe('[Critical] Live app RTC expires in 9 days');
    expect(snsSubject(`[Critical] ${'x'.repeat(200)}`)).toHaveLength(99);
  });

  it('travels as ASCII encoded-words in another script, which mail clients show as the text, under 100 characters', () => {
    // about 20 Chinese characters fit: base64 and the encoded-word markup cost ~1.8 characters a byte
    const subject = snsSubject('【紧急】语音房 TRTC package 已过期 3 天');

    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject.length).toBeLessThan(100);
    expect(decodeSubject(subject)).toBe('【紧急】语音房 TRTC package 已过期 3 天');
  });

  it('is cut on a character, with an ellipsis, when even encoded it would be too long', () => {
    const subject = snsSubject(`【严重】${'语音房实时音视频'.repeat(10)}`);

    expect(subject.length).toBeLessThan(100);
    expect(decodeSubject(subject)).toMatch(/^【严重】语音房.*…$/);
  });
});

describe('an SNS message', () => {
  it('stays within 256 KB however long the email text, shortening the text and keeping the alert whole', () => {
    const message = snsMessage(alert, '续'.repeat(200_000), 'sms');

    expect(utf8Length(message)).toBeLessThanOrEqual(SNS_MESSAGE_BYTES);
    expect(JSON.parse(variants(message).lambda)).toEqual(alert);
  });
});
