import { createHash } from 'crypto';
import { ChannelDeliveryError } from './channel-delivery-error';
import { secretProblem } from './channel-secret';
import type { ChannelSecret, PlatformDriver } from './platforms/platform-driver';
import { PLATFORMS } from './platforms/platform-registry';
import { renderInput } from './render';
import type { AlertContext } from '../channels/formatters/format-input';
import type { AlertPublisher } from '../core/delivery-port';
import { errorMessage, RenewalGuardError } from '../core/errors';
import type { Alert, ChannelConfig, Language } from '../core/model';
import type { SecretResolver } from '../core/vendor-port';
import {
  CHANNEL_HTTP_POLICY,
  httpPolicy,
  OutboundCallError,
  OutboundHttp,
  RateLimiter,
  redactSecrets,
  withMargin,
  urlSecrets,
  type CallFailure,
  type HttpPolicy,
} from '../http';

/** How often and how patiently a channel delivery is retried (CHANNEL_HTTP_POLICY's retry fields). */
export interface RetryPolicy {
  /** Attempts in all, the first included. @default 4 */
  readonly maxAttempts: number;
  /** The first backoff; it doubles per attempt. @default 1000 */
  readonly baseDelayMs: number;
  /** @default 20000 */
  readonly maxDelayMs: number;
  /**
   * The longest `Retry-After` honoured. A platform that asks for longer gets no more attempts now; the
   * error is retryable, so the alert stays owed (the outbox, or the notifier's queue) for a later try.
   * @default 60000
   */
  readonly maxRetryAfterMs: number;
}

/** The limiter every publisher of this process shares unless given its own. */
export const PROCESS_RATE_LIMITER = new RateLimiter();

export interface ChannelPublisherOptions {
  readonly channel: ChannelConfig;
  readonly secrets: SecretResolver;
  /** @default 'en' */
  readonly language?: Language;
  /** Service names and acknowledge links for an alert. @default no name (ids are shown), no link */
  readonly context?: (alert: Alert) => AlertContext;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** @default a real timer */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default the system clock */
  readonly clock?: () => Date;
  /** Jitter source in [0, 1). @default Math.random */
  readonly random?: () => number;
  readonly retry?: Partial<RetryPolicy>;
  /** Per-request timeout. @default 10000 */
  readonly timeoutMs?: number;
  /** Shared by every publisher that may post to the same robot. @default PROCESS_RATE_LIMITER */
  readonly rateLimiter?: RateLimiter;
}

/**
 * Delivers alerts to one chat, webhook or PagerDuty channel (`target` = `channel:<id>`): reads the
 * channel's secret, renders (delivery/render.ts) in the channel's language, signs, posts through the
 * outbound client under the channel policy (no redirects), and retries throttling, server
 * faults and network errors with jittered backoff (Retry-After honoured), within the platform's rate
 * limit. Alerts not routed to this channel (`alert.channels`) are skipped: nothing is owed to it.
 *
 * Email and SMS channels are SNS subscriptions in AWS and have no direct delivery; `publish` on one
 * throws a non-retryable DeliveryError.
 *
 * @example
 * const pub = new ChannelPublisher({ channel, secrets, language: config.language });
 * await pub.publish(alert); // throws ChannelDeliveryError when the platform would not take it
 */
export class ChannelPublisher implements AlertPublisher {
  readonly target: string;
  private readonly channel: ChannelConfig;
  private readonly client: OutboundHttp;
  private readonly clock: () => Date;

  constructor(private readonly options: ChannelPublisherOptions) {
    this.channel = options.channel;
    this.target = `channel:${options.channel.id}`;
    this.clock = options.clock ?? (() => new Date());
    const retry = options.retry ?? {};
    const policy: HttpPolicy = httpPolicy(
      CHANNEL_HTTP_POLICY,
      {
        maxAttempts: retry.maxAttempts,
        backoffBaseMs: retry.baseDelayMs,
        backoffCapMs: retry.maxDelayMs,
        maxRetryAfterMs: retry.maxRetryAfterMs,
        timeoutMs: options.timeoutMs,
      },
      `channel "${options.channel.id}"`,
    );
    this.client = new OutboundHttp({
      policy,
      fetch: options.fetch,
      sleep: options.sleep,
      clock: this.clock,
      random: options.random,
      rateLimiter: options.rateLimiter ?? PROCESS_RATE_LIMITER,
    });
  }

  async publish(alert: Alert): Promise<void> {
    if (!alert.channels.includes(this.channel.id)) return;
    const platform = this.platform();
    const secret = await this.readSecret(platform);
    const payloads = renderInput({
      ...this.options.context?.(alert),
      alert,
      channel: this.channel,
      language: this.options.language ?? 'en',
    });
    for (const payload of payloads) await this.send(platform, secret, payload, alert.key);
  }

  private platform(): PlatformDriver {
    const platform = PLATFORMS[this.channel.type];
    if (platform) return platform;
    throw new ChannelDeliveryError(
      `${this.name()}: ${this.channel.type} channels are delivered by SNS subscriptions, not directly; nothing was sent`,
      { channelId: this.channel.id, channelType: this.channel.type, attempts: 0 },
      { retryable: false },
    );
  }

  private async readSecret(platform: PlatformDriver): Promise<ChannelSecret> {
    const failure = { channelId: this.channel.id, channelType: this.channel.type, attempts: 0 };
    if (!this.channel.secret) {
      throw new ChannelDeliveryError(`${this.name()}: no secret is configured`, failure, { retryable: false });
    }
    let secret: ChannelSecret;
    try {
      secret = await this.options.secrets.resolve(this.channel.secret);
    } catch (e) {
      const retryable = e instanceof RenewalGuardError ? e.retryable : true;
      throw new ChannelDeliveryError(`${this.name()}: ${errorMessage(e)}`, failure, { retryable });
    }
    const problem = secretProblem(this.channel, secret, platform.secret);
    if (problem) throw new ChannelDeliveryError(`${this.name()}: ${problem}`, failure, { retryable: false });
    return secret;
  }

  private async send(platform: PlatformDriver, secret: ChannelSecret, payload: unknown, key: string): Promise<void> {
    const secrets = [...Object.values(secret).flatMap(urlSecrets), ...Object.values(secret)];
    try {
      await this.client.call({
        prepare: (now) => ({ method: 'POST', ...platform.request(payload, secret, now) }),
        judge: (exchange) => platform.judge(exchange.status, exchange.body),
        limiterKey: `${platform.type}:${fingerprint(secret[platform.secret.urlField ?? ''] ?? secret.routingKey)}`,
        rateLimits: withMargin(platform.rateLimits),
        secrets,
      });
    } catch (e) {
      if (!(e instanceof OutboundCallError)) throw e;
      throw this.failure(key, e.failure, secrets);
    }
  }

  private failure(key: string, failure: CallFailure, secrets: readonly string[]): ChannelDeliveryError {
    const answer = [
      failure.status !== undefined ? `HTTP ${failure.status}` : undefined,
      failure.code !== undefined ? `code ${failure.code}` : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(', ');
    const said = failure.remoteMessage ?? failure.reason;
    const detail = [answer, said].filter((s) => s).join(': ');
    const tries = failure.attempts === 1 ? '1 attempt' : `${failure.attempts} attempts`;
    const waits =
      failure.refusedWaitMs === undefined ? '' : `; it asks to wait ${Math.ceil(failure.refusedWaitMs / 1000)} s`;
    const message = redactSecrets(`${this.name()} did not take ${key} after ${tries}: ${detail}${waits}`, secrets);
    return new ChannelDeliveryError(
      message,
      {
        channelId: this.channel.id,
        channelType: this.channel.type,
        status: failure.status,
        code: failure.code,
        attempts: failure.attempts,
      },
      { retryable: failure.retryable },
    );
  }

  private name(): string {
    return `channel "${this.channel.id}" (${this.channel.type})`;
  }
}

/** A short stable name for a robot, so its token is not kept as a map key. */
function fingerprint(value: string | undefined): string {
  return createHash('sha256')
    .update(value ?? '')
    .digest('hex')
    .slice(0, 16);
}
