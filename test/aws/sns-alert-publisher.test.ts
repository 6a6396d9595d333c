import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import {
  alertBody,
  alertMessage,
  alertSubject,
  smsText,
  SnsAlertPublisher,
} from '../../lambda/aws/sns-alert-publisher';
import { DeliveryError } from '../../lambda/core/errors';
import type { Alert } from '../../lambda/core/model';

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
});

describe('an alert subject', () => {
  it('is ASCII, names the service by id, and stays under 100 characters', () => {
    const long = { ...alert, serviceId: 'x'.repeat(120) };

    expect(alertSubject(alert)).toBe('[CRITICAL] voice-room expires 2026-10-20 (7 days left)');
    expect(alertSubject(long).length).toBeLessThan(100);
    expect(alertSubject({ ...alert, serviceId: undefined, accountId: 'tencent-intl', kind: 'blind-spot' })).toBe(
      '[CRITICAL] tencent-intl: blind-spot',
    );
  });
});

describe('an SMS text', () => {
  it('keeps a Chinese message within two UCS-2 segments (134 characters)', () => {
    const text = smsText({ ...alert, message: '续费提醒'.repeat(60) });

    expect([...text].length).toBe(134);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps an ASCII message within two GSM segments (306 characters)', () => {
    expect([...smsText({ ...alert, message: 'a'.repeat(400) })].length).toBe(306);
    expect(smsText({ ...alert, message: 'short' })).toBe('CRITICAL: short');
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

  it('ends an alert with its acknowledge link and a digest with its report link, never the other way round', () => {
    const expiry = alertBody({ ...base, key: 'live-rtc:expiry:2026-12-05:10', kind: 'expiry' }, links);
    const digest = alertBody({ ...base, key: '_guard:digest:2026-11-23', kind: 'digest', severity: 'info' }, links);

    expect(expiry.split('\n').slice(-1)).toEqual([
      'Acknowledge or snooze: https://links.example/ack?t=ack-live-rtc:expiry:2026-12-05:10',
    ]);
    expect(expiry).not.toContain('/report');
    expect(digest.split('\n').slice(-1)).toEqual([
      'Full report: https://links.example/report?t=report-_guard:digest:2026-11-23',
    ]);
    expect(digest).not.toContain('/ack');
  });

  it('puts the links in the email variant only: SMS stays short and the notifier signs its own', () => {
    const message = JSON.parse(alertMessage({ ...base, key: 'k:expiry:2026-12-05:10', kind: 'expiry' }, links));

    expect(message.email).toContain('https://links.example/ack');
    expect(message.default).toContain('https://links.example/ack');
    expect(message.sms).not.toContain('https://');
    expect(JSON.parse(message.lambda)).not.toHaveProperty('ackUrl');
  });
});
