/**
 * Every failure path of every adapter, with the vendors' credentials in headers, in Basic auth and in
 * query strings (Vonage): no error message, cause or field may carry a credential value.
 */
import * as net from 'net';
import { startHarness, type Harness } from './support/sandbox-harness';
import type { AccountConfig, Vendor } from '../../lambda/core/model';
import type { VendorAdapter } from '../../lambda/core/vendor-port';
import type { SandboxFault } from '../../lambda/sandbox';
import { AgoraVendor, HttpJsonVendor, TwilioVendor, VonageVendor } from '../../lambda/vendors';

/** A loopback port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const SECRETS = {
  'rg/agora': { customerKey: 'agoraKEY7f3a9c1d', customerSecret: 'agoraSECRETb84e2f6a0c' },
  'rg/twilio': { accountSid: 'AC5e0d1c2b3a49f8e7d6c5b4a39f8e7d6c', authToken: 'twilioTOKEN9d8c7b6a5f4e' },
  'rg/vonage': { apiKey: 'vonKEY42', apiSecret: 'vonageSECRET31x7q' },
  'rg/json': { token: 'jsonTOKENq8w7e6r5t4' },
};
const VALUES = Object.values(SECRETS).flatMap((fields) => Object.values(fields));

interface Case {
  readonly vendor: Vendor;
  readonly adapter: VendorAdapter;
  readonly options: Record<string, unknown>;
}

const CASES: readonly Case[] = [
  { vendor: 'agora', adapter: new AgoraVendor(), options: {} },
  { vendor: 'twilio', adapter: new TwilioVendor(), options: {} },
  { vendor: 'vonage', adapter: new VonageVendor(), options: { authStyle: 'query' } },
  { vendor: 'vonage', adapter: new VonageVendor(), options: { authStyle: 'header' } },
  { vendor: 'http-json', adapter: new HttpJsonVendor(), options: { balancePath: 'balance', currency: 'USD' } },
];

const CREDENTIALS: Partial<Record<Vendor, keyof typeof SECRETS>> = {
  agora: 'rg/agora',
  twilio: 'rg/twilio',
  vonage: 'rg/vonage',
  'http-json': 'rg/json',
};

const FAULTS: readonly SandboxFault[] = [
  { kind: 'auth-failure' },
  { kind: 'throttle', times: 5, retryAfterSeconds: 1 },
  { kind: 'server-error', times: 5 },
  { kind: 'malformed', times: 5 },
  { kind: 'hang' },
];

let h: Harness;
let closedPort: number;
beforeAll(async () => {
  closedPort = await freePort();
  h = await startHarness(
    {
      agora: { accounts: [{ ...SECRETS['rg/agora'], projects: [], usage: {} }] },
      twilio: { accounts: [{ ...SECRETS['rg/twilio'], balance: '1.00', currency: 'USD', dailyUsage: [] }] },
      vonage: { accounts: [{ ...SECRETS['rg/vonage'], value: 1, autoReload: false }] },
      'http-json': { accounts: [{ token: SECRETS['rg/json'].token, body: { balance: 1 } }] },
    },
    SECRETS,
    { timeoutMs: 40, maxAttempts: 2 },
  );
});
afterAll(() => h.stop());
afterEach(() => h.sandbox.clear());

function account(c: Case, overrides: Partial<AccountConfig> = {}): AccountConfig {
  return {
    id: `${c.vendor}-acct`,
    vendor: c.vendor,
    credentials: CREDENTIALS[c.vendor],
    endpoint: h.sandbox.endpoint(c.vendor),
    options: c.options,
    ...overrides,
  };
}

/** Everything an error carries that could reach a log line, a report or an alert. */
function surface(error: Error): string {
  const causes: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) causes.push(e.message, e.stack ?? '');
  return [...causes, JSON.stringify({ ...error })].join('\n');
}

function expectClean(error: Error): void {
  const text = surface(error);
  for (const value of VALUES) expect(text).not.toContain(value);
}

describe('credentials in vendor errors', () => {
  it.each(
    CASES.flatMap((c) =>
      FAULTS.map((fault) => [`${c.vendor} ${JSON.stringify(c.options)}`, fault.kind, c, fault] as const),
    ),
  )('%s under %s: the error names no credential', async (_, __, c, fault) => {
    h.sandbox.inject(c.vendor, fault);

    const error = await h.pollError(c.adapter, account(c));

    expect(error.message).toMatch(new RegExp(`^${c.vendor} account ${c.vendor}-acct: `));
    expectClean(error);
  });

  it.each(CASES.map((c) => [`${c.vendor} ${JSON.stringify(c.options)}`, c] as const))(
    '%s with an unreachable or unparsable endpoint: the error names no credential',
    async (_, c) => {
      const refused = await h.pollError(c.adapter, account(c, { endpoint: `http://127.0.0.1:${closedPort}` }));
      const unparsable = await h.pollError(c.adapter, account(c, { endpoint: 'http://127.0.0.1:99999' }));

      expect(refused.message).toContain('network error (ECONNREFUSED)');
      expect(unparsable.message).toContain('the request URL is not valid');
      expectClean(refused);
      expectClean(unparsable);
    },
  );

  it.each(CASES.map((c) => [`${c.vendor} ${JSON.stringify(c.options)}`, c] as const))(
    '%s with a secret missing a field: the error names the field, not the values',
    async (_, c) => {
      const name = CREDENTIALS[c.vendor]!;
      const partial = Object.fromEntries(Object.entries(SECRETS[name]).slice(0, -1));
      const own = await startHarness({}, { [name]: partial });
      try {
        const error = await own.pollError(c.adapter, account(c));

        expect(error.message).toContain(`secret "${name}"`);
        expectClean(error);
      } finally {
        await own.stop();
      }
    },
  );
});
