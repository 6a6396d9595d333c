import { SendEmailCommand, SESv2Client, MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { SesEmailSender } from '../../lambda/aws/ses-email-sender';
import type { OutgoingEmail } from '../../lambda/core/delivery-port';
import { DeliveryError } from '../../lambda/core/errors';

const email: OutgoingEmail = {
  from: 'renewal-guard@example.com',
  to: 'alice@example.com',
  subject: '【严重】Live app RTC 将于 9 天后到期',
  text: 'text part',
  html: '<!DOCTYPE html><html lang="zh-CN"><body>html part</body></html>',
  alertKey: 'live-rtc:expiry:2026-10-09:7',
};

describe('the SES email sender', () => {
  const ses = mockClient(SESv2Client);
  beforeEach(() => ses.reset());

  it('sends one SESv2 SendEmail per email: simple content with UTF-8 text and HTML parts, one recipient, the alert key as a tag', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const sender = new SesEmailSender({ client: ses as unknown as SESv2Client, configurationSetName: 'guard-events' });

    // Act
    await sender.send(email);

    // Assess
    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      {
        FromEmailAddress: 'renewal-guard@example.com',
        Destination: { ToAddresses: ['alice@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: '【严重】Live app RTC 将于 9 天后到期', Charset: 'UTF-8' },
            Body: {
              Text: { Data: 'text part', Charset: 'UTF-8' },
              Html: { Data: '<!DOCTYPE html><html lang="zh-CN"><body>html part</body></html>', Charset: 'UTF-8' },
            },
          },
        },
        EmailTags: [{ Name: 'renewal-guard-alert', Value: 'live-rtc_expiry_2026-10-09_7' }],
        ConfigurationSetName: 'guard-events',
      },
    ]);
  });

  it('spaces its sends to stay within the sending rate, waiting instead of being throttled', async () => {
    // Prepare: a pinned clock that the waits move
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    let now = Date.parse('2026-09-30T01:30:00Z');
    const waits: number[] = [];
    const sender = new SesEmailSender({
      client: ses as unknown as SESv2Client,
      maxPerSecond: 4,
      clock: () => new Date(now),
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });

    // Act
    for (let i = 0; i < 5; i++) await sender.send({ ...email, to: `owner-${i}@example.com` });

    // Assess: one send every 250 ms
    expect(waits).toEqual([250, 250, 250, 250]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(5);
  });

  it('sends without a configuration set when none is configured', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

    await new SesEmailSender({ client: ses as unknown as SESv2Client, configurationSetName: '' }).send(email);

    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).not.toHaveProperty('ConfigurationSetName');
  });

  it('reports a rejected message as a DeliveryError no retry fixes', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }));

    const error = await new SesEmailSender({ client: ses as unknown as SESv2Client })
      .send(email)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: false, message: 'SES SendEmail failed: Email address is not verified.' });
  });

  it('reports throttling as retryable, so the owner stays owed for the next cycle', async () => {
    ses
      .on(SendEmailCommand)
      .rejects(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} }));

    const error = await new SesEmailSender({ client: ses as unknown as SESv2Client })
      .send(email)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ retryable: true, message: 'SES SendEmail failed: Maximum sending rate exceeded.' });
  });
});
