import * as http from 'http';
import type { AddressInfo } from 'net';
import { dingTalkReceiver } from './dingtalk-receiver';
import { feishuReceiver } from './feishu-receiver';
import { pagerDutyReceiver } from './pagerduty-receiver';
import {
  PLATFORMS,
  type Platform,
  type PlatformReceiver,
  type ReceivedRequest,
  type ReceiverContext,
  type Reply,
} from './receiver-types';
import { slackReceiver } from './slack-receiver';
import { teamsReceiver } from './teams-receiver';
import { webhookReceiver } from './webhook-receiver';
import { weComReceiver } from './wecom-receiver';

/** A scripted failure: the next `times` requests to a platform get it instead of the platform's answer. */
export interface ScriptedFailure {
  readonly times: number;
  /** An HTTP status (500, 503, 429 ...); ignored when `throttle` is set. */
  readonly status?: number;
  /** Answer with the platform's own throttling reply (DingTalk errcode 410100, Slack 429 ...). */
  readonly throttle?: boolean;
  readonly retryAfter?: string;
  /** A `Location` header: with a 3xx status, a redirect the sender must not follow. */
  readonly location?: string;
}

export interface Exchange {
  readonly request: ReceivedRequest;
  readonly reply: Reply;
  readonly accepted: boolean;
  /** The receiver's clock when it answered. */
  readonly at: number;
}

export interface ReceiverOptions {
  /** The pinned clock signatures and rate limits are judged against. */
  readonly now: () => number;
  /** Require this keyword in DingTalk messages, like a robot with keyword security. */
  readonly dingTalkKeyword?: string;
}

/** Test credentials: what a channel's secret would hold for each receiver. */
export const RECEIVER_SECRETS = {
  dingtalkToken: 'ding-access-token-0123456789',
  dingtalkSigningSecret: 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd',
  feishuToken: '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  feishuSigningSecret: 'fS3cr3tK3yF0rT3st1ng',
  wecomKey: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
  slackPath: 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  teamsId: 'a1b2c3d4e5f6',
  webhookId: 'renewals',
  webhookSigningSecret: 'whsec_test_secret',
  pagerDutyRoutingKey: 'R0123456789ABCDEF0123456789ABCDE',
} as const;

/**
 * One loopback HTTP server (127.0.0.1, ephemeral port) acting as every platform the guard posts to.
 * Each platform checks what its documentation requires (signatures, shapes, limits) and answers the way
 * the platform does, errors included; failures can be scripted; every exchange is recorded.
 */
export class PlatformReceivers {
  static async start(options: ReceiverOptions): Promise<PlatformReceivers> {
    const receivers = new PlatformReceivers(options);
    await new Promise<void>((resolve) => receivers.server.listen(0, '127.0.0.1', resolve));
    return receivers;
  }

  private readonly server: http.Server;
  private readonly receivers: Readonly<Record<Platform, PlatformReceiver>>;
  private readonly scripts = new Map<Platform, ScriptedFailure[]>();
  private readonly exchanges: Exchange[] = [];

  private constructor(private readonly options: ReceiverOptions) {
    const s = RECEIVER_SECRETS;
    this.receivers = {
      dingtalk: dingTalkReceiver({
        token: s.dingtalkToken,
        secret: s.dingtalkSigningSecret,
        keyword: options.dingTalkKeyword,
      }),
      feishu: feishuReceiver({ token: s.feishuToken, secret: s.feishuSigningSecret }),
      wecom: weComReceiver({ key: s.wecomKey }),
      slack: slackReceiver({ path: s.slackPath }),
      teams: teamsReceiver({ id: s.teamsId }),
      webhook: webhookReceiver({ id: s.webhookId, secret: s.webhookSigningSecret }),
      pagerduty: pagerDutyReceiver({ routingKey: s.pagerDutyRoutingKey }),
    };
    this.server = http.createServer((req, res) => {
      void this.serve(req).then((reply) => {
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body);
      });
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The secret JSON a channel of each type needs to reach this receiver. */
  get secrets(): Readonly<Record<Platform, Readonly<Record<string, string>>>> {
    const s = RECEIVER_SECRETS;
    const base = this.baseUrl;
    return {
      dingtalk: {
        webhookUrl: `${base}/dingtalk/robot/send?access_token=${s.dingtalkToken}`,
        signingSecret: s.dingtalkSigningSecret,
      },
      feishu: {
        webhookUrl: `${base}/feishu/open-apis/bot/v2/hook/${s.feishuToken}`,
        signingSecret: s.feishuSigningSecret,
      },
      wecom: { webhookUrl: `${base}/wecom/cgi-bin/webhook/send?key=${s.wecomKey}` },
      slack: { webhookUrl: `${base}/slack/services/${s.slackPath}` },
      teams: { webhookUrl: `${base}/teams/workflows/${s.teamsId}` },
      webhook: { url: `${base}/webhook/${s.webhookId}`, signingSecret: s.webhookSigningSecret },
      pagerduty: { routingKey: s.pagerDutyRoutingKey, url: `${base}/pagerduty/v2/enqueue` },
    };
  }

  failNext(platform: Platform, failure: ScriptedFailure): void {
    this.scripts.set(platform, [...(this.scripts.get(platform) ?? []), failure]);
  }

  /** Every exchange with a platform, in arrival order. */
  received(platform: Platform): Exchange[] {
    return this.exchanges.filter((e) => e.request.platform === platform);
  }

  /** The requests a platform accepted, in arrival order. */
  accepted(platform: Platform): ReceivedRequest[] {
    return this.received(platform)
      .filter((e) => e.accepted)
      .map((e) => e.request);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private async serve(req: http.IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://receiver');
    const platform = PLATFORMS.find((p) => url.pathname.startsWith(this.receivers[p].prefix + '/'));
    if (!platform) return { status: 404, body: 'no such platform' };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    const request: ReceivedRequest = { platform, path: url.pathname, query: url.searchParams, headers, raw, body };
    const scripted = this.nextScripted(platform);
    const reply = scripted ?? (await this.receivers[platform].handle(request, this.context()));
    this.exchanges.push({ request, reply, accepted: !scripted && isAcceptance(reply), at: this.options.now() });
    return reply;
  }

  private nextScripted(platform: Platform): Reply | undefined {
    const queue = this.scripts.get(platform) ?? [];
    const failure = queue[0];
    if (!failure) return undefined;
    if (failure.times <= 1) queue.shift();
    else queue[0] = { ...failure, times: failure.times - 1 };
    if (failure.throttle) return this.receivers[platform].throttled(failure.retryAfter);
    const status = failure.status ?? 500;
    return {
      status,
      headers: {
        'Content-Type': 'text/plain',
        ...(failure.retryAfter && { 'Retry-After': failure.retryAfter }),
        ...(failure.location && { Location: failure.location }),
      },
      body: status === 429 ? 'Too Many Requests' : status >= 300 && status < 400 ? 'Moved' : 'Internal Server Error',
    };
  }

  private context(): ReceiverContext {
    return {
      now: this.options.now,
      acceptedSince: (platform, since) => this.received(platform).filter((e) => e.accepted && e.at >= since).length,
    };
  }
}

/** A 2xx answer whose body carries no non-zero platform error code. */
function isAcceptance(reply: Reply): boolean {
  if (reply.status < 200 || reply.status > 299) return false;
  try {
    const body = JSON.parse(reply.body) as { errcode?: unknown; code?: unknown };
    return (body.errcode ?? 0) === 0 && (body.code ?? 0) === 0;
  } catch {
    return true;
  }
}
