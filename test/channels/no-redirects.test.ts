/**
 * Chat, webhook and PagerDuty deliveries never follow a redirect: a 307 would re-post the signed body,
 * its signature and the Idempotency-Key to a host nobody configured. The answer is a failed delivery
 * naming the status, not retried; the other host receives nothing.
 */
import { expiryAlert } from './channel-fixtures';
import { failure, usePlatformReceivers } from './publisher-harness';
import { sendToTargets } from '../../lambda/delivery';
import { PLATFORMS, PlatformReceivers, type Platform } from '../support/receivers';

const env = usePlatformReceivers();
let elsewhere: PlatformReceivers;

beforeEach(async () => {
  elsewhere = await PlatformReceivers.start({ now: env.time.nowMs });
});

afterEach(async () => {
  await elsewhere.close();
});

/** The same platform's address on the other server: a redirect there would be accepted if followed. */
function elsewhereUrl(type: Platform): string {
  const secret = elsewhere.secrets[type];
  return secret.webhookUrl ?? secret.url!;
}

describe('redirects', () => {
  it.each(PLATFORMS.map((p) => [p]))(
    'fails a %s delivery answered with a 307 to another host, naming the status, and sends nothing there',
    async (type) => {
      // Prepare
      env.receivers.failNext(type, { times: 1, status: 307, location: elsewhereUrl(type) });

      // Act
      const error = await failure(env.publisher(type).publish(expiryAlert()));

      // Assess
      expect(error.message).toBe(
        `channel "${type}" (${type}) did not take live-rtc:expiry:2026-10-09:7 after 1 attempt: ` +
          'HTTP 307: redirected elsewhere; redirects are never followed',
      );
      expect(error).toMatchObject({ status: 307, attempts: 1, retryable: false });
      expect(env.receivers.received(type)).toHaveLength(1);
      expect(elsewhere.received(type)).toEqual([]);
    },
  );

  it('reports the redirected webhook as a failed delivery while the other channels deliver', async () => {
    // Prepare
    env.receivers.failNext('webhook', { times: 1, status: 307, location: elsewhereUrl('webhook') });

    // Act
    const reports = await sendToTargets(expiryAlert(), [env.publisher('webhook'), env.publisher('slack')]);

    // Assess
    expect(reports).toEqual([
      {
        target: 'channel:webhook',
        status: 'failed',
        error: expect.stringContaining('HTTP 307'),
        retryable: false,
      },
      { target: 'channel:slack', status: 'delivered' },
    ]);
    expect(elsewhere.received('webhook')).toEqual([]);
  });
});
