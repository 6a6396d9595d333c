/**
 * A generic billing endpoint for the `http-json` adapter: `GET /balance` (or another path) with a
 * token in a configurable header, answering whatever JSON the fixture holds; 401 and 429 as
 * `{ error, message }`.
 */
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxRequest, SandboxVendorModule } from '../sandbox-vendor';

export interface HttpJsonSandboxFixture {
  readonly accounts: readonly HttpJsonSandboxAccount[];
}

export interface HttpJsonSandboxAccount {
  readonly token: string;
  /** @default 'authorization' */
  readonly header?: string;
  /** Put before the token, with a space; '' for the bare token. @default 'Bearer' */
  readonly scheme?: string;
  /** @default '/balance' */
  readonly path?: string;
  readonly body: unknown;
}

const fail = (status: number, error: string, message: string): SandboxReply => ({ status, body: { error, message } });

function handle(request: SandboxRequest, fixture: HttpJsonSandboxFixture): SandboxReply {
  const account = fixture.accounts.find((a) => {
    const scheme = a.scheme ?? 'Bearer';
    const sent = request.headers[(a.header ?? 'authorization').toLowerCase()];
    return sent === (scheme === '' ? a.token : `${scheme} ${a.token}`);
  });
  if (!account) return fail(401, 'unauthorized', 'missing or invalid token');
  if (request.method !== 'GET' || request.path !== (account.path ?? '/balance')) {
    return fail(404, 'not_found', `no route ${request.method} ${request.path}`);
  }
  return { status: 200, body: account.body };
}

export const httpJsonSandboxModule: SandboxVendorModule<HttpJsonSandboxFixture> = {
  vendor: 'http-json',
  handle,
  faultReply: (kind) =>
    kind === 'throttle'
      ? fail(429, 'rate_limited', 'slow down')
      : fail(401, 'unauthorized', 'missing or invalid token'),
};

export const httpJsonSandbox: SandboxRegistration<HttpJsonSandboxFixture> = { module: httpJsonSandboxModule };
