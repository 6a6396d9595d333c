/**
 * Vonage's Account API as vendor-apis.md §3 documents it: `GET /account/get-balance` authenticated by
 * `api_key`/`api_secret` in the query or by Basic auth, answering `{ value, autoReload }` (value a
 * number, in EUR) with an `X-Request-Id` header; errors in RFC 7807 `application/problem+json`.
 */
import { randomUUID } from 'crypto';
import { readBasicAuth } from '../sandbox-auth';
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxRequest, SandboxVendorModule } from '../sandbox-vendor';

export interface VonageSandboxFixture {
  readonly accounts: readonly VonageSandboxAccount[];
}

export interface VonageSandboxAccount {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** EUR; the API sends a number (a string here tests tolerance). */
  readonly value: number | string;
  readonly autoReload: boolean;
}

function problem(status: number, type: string, title: string, detail: string): SandboxReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: { type: `https://developer.vonage.com/api-errors#${type}`, title, detail, instance: randomUUID() },
  };
}

const unauthorized = () =>
  problem(401, 'unauthorized', 'Invalid credentials supplied', 'You did not provide correct credentials.');

function handle(request: SandboxRequest, fixture: VonageSandboxFixture): SandboxReply {
  const basic = readBasicAuth(request.headers);
  const key = basic?.user ?? request.query.get('api_key');
  const secret = basic?.password ?? request.query.get('api_secret');
  const account = fixture.accounts.find((a) => a.apiKey === key && a.apiSecret === secret);
  if (!account) return unauthorized();
  if (request.method !== 'GET' || request.path !== '/account/get-balance') {
    return problem(404, 'not-found', 'Not Found', `No resource at ${request.path}`);
  }
  return {
    status: 200,
    headers: { 'x-request-id': randomUUID() },
    body: { value: account.value, autoReload: account.autoReload },
  };
}

export const vonageSandboxModule: SandboxVendorModule<VonageSandboxFixture> = {
  vendor: 'vonage',
  handle,
  faultReply: (kind) =>
    kind === 'throttle'
      ? problem(429, 'throttled', 'Rate Limit Hit', 'Please wait, then retry your request')
      : unauthorized(),
};

const DEMO_KEY = 'demo1234';
const DEMO_SECRET = 'demoVonageSecret';

export const vonageSandbox: SandboxRegistration<VonageSandboxFixture> = {
  module: vonageSandboxModule,
  demo: {
    fixture: () => ({ accounts: [{ apiKey: DEMO_KEY, apiSecret: DEMO_SECRET, value: 42.17, autoReload: false }] }),
    accounts: () => [
      {
        id: 'vonage-video',
        vendor: 'vonage',
        credentials: 'renewal-guard/vonage-video',
        secret: { apiKey: DEMO_KEY, apiSecret: DEMO_SECRET },
        options: {},
      },
    ],
  },
};
