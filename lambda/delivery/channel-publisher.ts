import { createHash } from 'crypto';
import { ChannelDeliveryError } from './channel-delivery-error';
import { secretProblem } from './channel-secret';
import type { AlertPublisher } from '../../app/ports';
import { errorMessage, RenewalGuardError } from '../../core/errors';
import type { Alert, ChannelConfig, Language } from '../../core/model';
import type { SecretResolver } from '../../core/vendor-port';
import type { AlertContext, FormatInput } from '../formatters/format-input';
import { pagerDutyResolve } from '../formatters/pagerduty';
import { truncateChars } from '../text/truncate';
import type { ChannelSecret, PlatformDriver, PlatformRequest, Verdict } from './platforms/platform-driver';
import { PLATFORMS } from './platforms/platform-registry';
import { PROCESS_RATE_LIMITER, type RateLimiter } from './rate-limiter';
import { redactSecrets, urlSecrets } from './redact';
import { backoffDelay, DEFAULT_RETRY_POLICY, retryAfterMs, type RetryPolicy } from './retry-policy';

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

interface Attempted {
  readonly verdict: Verdict;
  readonly status?: number;
  readonly retryAfterMs?: number;
}

/**
 * Delivers alerts to one chat, webhook or PagerDuty channel (`target` = `channel:<id>`): reads the
 * channel's secret, formats in the configured language, signs, posts, and retries throttling, server
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
  private readonly policy: RetryPolicy;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => Date;
  private readonly random: () => number;
  private readonly limiter: RateLimiter;

  constructor(private readonly options: ChannelPublisherOptions) {
    this.channel = options.channel;
    this.target = `channel:${options.channel.id}`;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.limiter = options.rateLimiter ?? PROCESS_RATE_LIMITER;
  }

  async publish(alert: Alert): Promise<void> {
    if (!alert.channels.includes(this.channel.id)) return;
    const platform = this.platform();
    const secret = await this.readSecret(platform);
    const input: FormatInput = {
      alert,
      channel: this.channel,
      language: this.options.language ?? 'en',
      ...this.options.context?.(alert),
    };
    for (const payload of platform.payloads(input)) await this.send(platform, secret, payload, alert.key);
  }

  /**
   * Closes what earlier alerts opened, for platforms that keep state: PagerDuty resolve events for
   * `keys` (on a renewal, the old expiry date's keys). Other channel types have nothing to close.
   */
  async resolve(keys: readonly string[]): Promise<void> {
    if (this.channel.type !== 'pagerduty' || keys.length === 0) return;
    const platform = this.platform();
    const secret = await this.readSecret(platform);
    for (const key of keys) await this.send(platform, secret, pagerDutyResolve(key), key);
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
    const limiterKey = `${platform.type}:${fingerprint(secret[platform.secret.urlField ?? ''] ?? secret.routingKey)}`;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(limiterKey, platform.rateLimits, this.clock, this.sleep);
      const result = await this.attempt(platform, platform.request(payload, secret, this.clock()));
      if (result.verdict.ok) return;
      const { retryable } = result.verdict;
      const asked = result.retryAfterMs;
      if (!retryable || attempt >= this.policy.maxAttempts) {
        throw this.failure(secret, key, attempt, result, retryable);
      }
      if (asked !== undefined && asked > this.policy.maxRetryAfterMs) {
        throw this.failure(secret, key, attempt, result, true, `; it asks to wait ${Math.ceil(asked / 1000)} s`);
      }
      await this.sleep(asked ?? backoffDelay(attempt, this.policy, this.random));
    }
  }

  private async attempt(platform: PlatformDriver, request: PlatformRequest): Promise<Attempted> {
    try {
      const response = await this.fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const body = await response.text();
      return {
        verdict: platform.judge(response.status, body),
        status: response.status,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after'), this.clock()),
      };
    } catch (e) {
      return { verdict: { ok: false, retryable: true, message: networkReason(e, this.options.timeoutMs ?? 10_000) } };
    }
  }

  private failure(
    secret: ChannelSecret,
    key: string,
    attempts: number,
    result: Attempted,
    retryable: boolean,
    suffix = '',
  ): ChannelDeliveryError {
    const verdict = result.verdict as Extract<Verdict, { ok: false }>;
    const answer = [
      result.status !== undefined ? `HTTP ${result.status}` : undefined,
      verdict.code !== undefined ? `code ${verdict.code}` : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(', ');
    const detail = [answer, verdict.message && truncateChars(verdict.message, 300)].filter((s) => s).join(': ');
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    const secrets = [...Object.values(secret).flatMap(urlSecrets), ...Object.values(secret)];
    const message = redactSecrets(`${this.name()} did not take ${key} after ${tries}: ${detail}${suffix}`, secrets);
    return new ChannelDeliveryError(
      message,
      {
        channelId: this.channel.id,
        channelType: this.channel.type,
        status: result.status,
        code: verdict.code,
        attempts,
      },
      { retryable },
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

/** Why a request got no answer, without the error's own message (it may quote the URL). */
function networkReason(e: unknown, timeoutMs: number): string {
  const name = (e as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = (e as { cause?: { code?: unknown } })?.cause?.code;
  return `network error${typeof code === 'string' ? ` ${code}` : ''}`;
}
