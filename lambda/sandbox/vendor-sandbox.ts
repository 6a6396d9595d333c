import * as http from 'http';
import type { AddressInfo } from 'net';
import { FaultPlan } from './fault-plan';
import { sandboxRegistration, type SandboxFixtures } from './sandbox-fixtures';
import type { SandboxFault, SandboxReply, SandboxRequest } from './sandbox-vendor';
import type { Vendor } from '../core/model';

export interface VendorSandboxOptions {
  /** Each vendor's accounts and data; read live, so a test may change them between polls. */
  readonly fixtures: SandboxFixtures;
  /** @default an ephemeral port */
  readonly port?: number;
  /** What modules see as now (relative dates, rate windows, signature freshness). @default new Date() */
  readonly clock?: () => Date;
}

export interface SandboxRequestLog {
  readonly vendor: string;
  readonly method: string;
  /** Below the vendor prefix. */
  readonly path: string;
  /** The query string without `?`. */
  readonly query: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The sandbox's now when the request arrived. */
  readonly at: string;
  /** Undefined while a request hangs. */
  readonly status?: number;
  /** The injected fault that answered, if any. */
  readonly fault?: SandboxFault['kind'];
}

export interface VendorSandbox {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `${url}/${vendor}`: what an account's `endpoint` points at. */
  endpoint(vendor: Vendor): string;
  inject(vendor: Vendor, fault: SandboxFault): void;
  clear(vendor?: Vendor): void;
  requests(vendor?: Vendor): readonly SandboxRequestLog[];
  stop(): Promise<void>;
}

const MAX_REQUEST_BYTES = 1_048_576;

/**
 * A local HTTP server that speaks each vendor's documented API over fixture data, on 127.0.0.1 only:
 * `/<vendor>/<the vendor's own path>` reaches that vendor's module. Faults injected per vendor
 * (latency, throttling, server errors, malformed bodies, auth failure, a hang) apply before the module
 * answers, in the vendor's own envelopes where the vendor has one.
 */
export async function startVendorSandbox(options: VendorSandboxOptions): Promise<VendorSandbox> {
  const clock = options.clock ?? (() => new Date());
  const faults = new FaultPlan();
  const log: (SandboxRequestLog & { status?: number })[] = [];
  let url = '';

  const server = http.createServer((req, res) => {
    readRequest(req).then(
      (body) => answer(req, res, body),
      () => res.destroy(),
    );
  });

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    const [, vendor = '', ...rest] = target.pathname.split('/');
    const request: SandboxRequest = {
      method: req.method ?? 'GET',
      path: `/${rest.join('/')}`,
      query: target.searchParams,
      headers: lowerCaseHeaders(req.headers),
      body,
      host: req.headers.host ?? '',
      now: clock(),
    };
    const entry: { -readonly [K in keyof SandboxRequestLog]: SandboxRequestLog[K] } = {
      vendor,
      method: request.method,
      path: request.path,
      query: target.search.replace(/^\?/, ''),
      headers: request.headers,
      body,
      at: request.now.toISOString(),
    };
    log.push(entry);

    const registration = sandboxRegistration(vendor);
    const fixture = (options.fixtures as Record<string, unknown>)[vendor];
    if (!registration || fixture === undefined) {
      const why = registration ? `no fixture for ${vendor}` : `no vendor "${vendor}"`;
      send(res, entry, { status: 404, body: `sandbox: ${why}` });
      return;
    }

    const decision = faults.next(vendor);
    if (decision.latencyMs > 0) await delay(decision.latencyMs);
    const fault = decision.fault;
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'hang') return; // answered never; the client times out, stop() closes the socket

    const module = registration.module;
    let reply: SandboxReply;
    try {
      if (fault?.kind === 'auth-failure') {
        reply = module.faultReply('auth-failure', request);
      } else if (fault?.kind === 'throttle') {
        reply = throttled(module.faultReply('throttle', request), fault.retryAfterSeconds);
      } else if (fault?.kind === 'server-error') {
        reply = serverError(fault.status ?? 503);
      } else {
        reply = module.handle(request, fixture) ?? noRoute(request);
      }
    } catch (e) {
      reply = {
        status: 500,
        body: `sandbox: the ${vendor} module failed: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    send(res, entry, reply, fault?.kind === 'malformed');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    endpoint: (vendor) => `${url}/${vendor}`,
    inject: (vendor, fault) => faults.inject(vendor, fault),
    clear: (vendor) => faults.clear(vendor),
    requests: (vendor) => log.filter((e) => vendor === undefined || e.vendor === vendor).map((e) => ({ ...e })),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, entry: { status?: number }, reply: SandboxReply, truncate = false): void {
  if (res.destroyed) return;
  const isText = typeof reply.body === 'string';
  let text = isText ? (reply.body as string) : JSON.stringify(reply.body);
  // A body cut off mid-object: what a broken proxy or a half-deployed vendor sends.
  if (truncate) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  const headers: Record<string, string> = {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...lowerCaseRecord(reply.headers ?? {}),
  };
  entry.status = reply.status;
  res.writeHead(reply.status, headers);
  res.end(text);
}

function throttled(reply: SandboxReply, retryAfterSeconds: number | undefined): SandboxReply {
  if (retryAfterSeconds === undefined) return reply;
  return { ...reply, headers: { ...reply.headers, 'retry-after': String(retryAfterSeconds) } };
}

/** What a load balancer in front of any vendor sends: no vendor envelope at all. */
function serverError(status: number): SandboxReply {
  return { status, body: `sandbox: injected HTTP ${status}` };
}

function noRoute(request: SandboxRequest): SandboxReply {
  return { status: 404, body: { message: `sandbox: no route for ${request.method} ${request.path}` } };
}

function readRequest(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) reject(new Error('request too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerCaseHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return map;
}

function lowerCaseRecord(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
