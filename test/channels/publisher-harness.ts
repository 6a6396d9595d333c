import { ACK_URL, channelOf, CHAT_TYPES, fakeTime, memorySecrets } from './channel-fixtures';
import type { ChannelType } from '../../lambda/core/model';
import { ChannelDeliveryError, ChannelPublisher, type ChannelPublisherOptions } from '../../lambda/delivery';
import { RateLimiter } from '../../lambda/http';
import { PlatformReceivers } from '../support/receivers';

/**
 * Registers a fresh set of platform receivers and a pinned clock around each test, and builds
 * publishers that reach them: clock, sleep and jitter injected, a limiter of their own.
 */
export function usePlatformReceivers(options: { dingTalkKeyword?: string } = {}) {
  const h = {} as {
    time: ReturnType<typeof fakeTime>;
    receivers: PlatformReceivers;
  };

  beforeEach(async () => {
    h.time = fakeTime();
    h.receivers = await PlatformReceivers.start({ now: h.time.nowMs, ...options });
  });

  afterEach(async () => {
    await h.receivers.close();
  });

  function secretsFor(overrides: Record<string, Record<string, string>> = {}) {
    const values: Record<string, Record<string, string>> = {};
    for (const type of CHAT_TYPES) values[`renewal-guard/${type}`] = { ...h.receivers.secrets[type] };
    return memorySecrets({ ...values, ...overrides });
  }

  function publisher(type: ChannelType, overrides: Partial<ChannelPublisherOptions> = {}): ChannelPublisher {
    return new ChannelPublisher({
      channel: channelOf(type),
      secrets: secretsFor(),
      context: () => ({ serviceName: 'Live app RTC', ackUrl: ACK_URL }),
      clock: h.time.clock,
      sleep: h.time.sleep,
      random: () => 0.5,
      rateLimiter: new RateLimiter(),
      ...overrides,
    });
  }

  return {
    get time() {
      return h.time;
    },
    get receivers() {
      return h.receivers;
    },
    secretsFor,
    publisher,
  };
}

/** The ChannelDeliveryError a delivery fails with; fails the test when it succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<ChannelDeliveryError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ChannelDeliveryError) return e;
    throw e;
  }
  throw new Error('expected the delivery to fail');
}
