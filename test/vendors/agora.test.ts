import { startHarness, type Harness } from './support/sandbox-harness';
import type { AccountConfig } from '../../lambda/core/model';
import type { AgoraSandboxAccount, AgoraSandboxProject } from '../../lambda/sandbox/vendors/agora';
import { AccountSetupError, AgoraVendor, VendorError } from '../../lambda/vendors';

const SECRETS = { 'rg/agora': { customerKey: 'agora-customer-key-1', customerSecret: 'agora-customer-secret-1' } };

function project(id: string, appId: string, status: 0 | 1 = 1): AgoraSandboxProject {
  return {
    id,
    name: id,
    vendor_key: appId,
    sign_key: `cert-${appId}-0123456789`,
    recording_server: null,
    status,
    created: 1464165672,
  };
}

function fixtureAccount(overrides: Partial<AgoraSandboxAccount> = {}): AgoraSandboxAccount {
  return {
    customerKey: 'agora-customer-key-1',
    customerSecret: 'agora-customer-secret-1',
    projects: [project('p1', 'app-1'), project('p2', 'app-2'), project('p3', 'app-3', 0)],
    usage: {
      p1: {
        default: [
          { date: '2026-09-27', usage: { durationAudioAll: 600_000, durationVideoHd: 120_000, durationVideo4K: 0 } },
          { date: '2026-09-28', usage: { durationAudioAll: 60_000, durationVideoHd: 0, durationVideo4K: 0 } },
        ],
        cloudRecording: [{ date: '2026-09-28', usage: { durationVideoHd: 6_000 } }],
      },
      p2: { default: [{ date: '2026-09-28', usage: { durationAudioAll: 6_000 } }] },
      p3: { default: [{ date: '2026-09-28', usage: { durationAudioAll: 999_999 } }] },
    },
    ...overrides,
  };
}

function account(options: Record<string, unknown> = {}, endpointOf?: Harness): AccountConfig {
  return {
    id: 'agora-main',
    vendor: 'agora',
    credentials: 'rg/agora',
    ...(endpointOf && { endpoint: endpointOf.sandbox.endpoint('agora') }),
    options,
  };
}

const PRICES = { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99, durationVideoHd: 3.99 } };
const adapter = new AgoraVendor();

let h: Harness;
async function start(a: AgoraSandboxAccount = fixtureAccount(), httpOptions = {}) {
  h = await startHarness({ agora: { accounts: [a] } }, SECRETS, httpOptions);
}
afterEach(() => h?.stop());

describe('the Agora adapter', () => {
  it("reads the doc's example usage as minutes per day, with no balance: Agora has no balance API", async () => {
    await start(
      fixtureAccount({
        projects: [project('xxxx', '4855xxxxxxxxxxxxxxxxxxxxxxxxeae2')],
        usage: {
          xxxx: {
            default: [
              {
                date: '2026-09-28',
                usage: {
                  durationAudioAll: 779,
                  durationVideo1080P: 0,
                  durationVideo2K: 0,
                  durationVideo4K: 0,
                  durationVideoHd: 60,
                  durationVideoHdp: 0,
                },
              },
            ],
          },
        },
      }),
    );

    const snapshot = await h.poll(adapter, account({}, h));

    expect(snapshot).toEqual({
      accountId: 'agora-main',
      vendor: 'agora',
      takenAt: '2026-09-30T01:30:00.000Z',
      dailySpend: [{ date: '2026-09-28', amount: 13.98, unit: 'minutes' }],
      scopedUsage: [{ date: '2026-09-28', amount: 13.98, unit: 'minutes', scope: '4855xxxxxxxxxxxxxxxxxxxxxxxxeae2' }],
      entitlements: [],
      raw: expect.objectContaining({
        projects: [{ id: 'xxxx', name: 'xxxx', appId: '4855xxxxxxxxxxxxxxxxxxxxxxxxeae2', enabled: true }],
        usageWindow: { from: '2026-08-31', to: '2026-09-29', business: ['default'] },
      }),
    });
    expect(snapshot.balance).toBeUndefined();
  });

  it('asks for whole UTC days up to yesterday, with Basic auth and Content-Type: application/json', async () => {
    await start();

    await h.poll(adapter, account({ appIds: ['app-1'] }, h));

    const [projects, usage] = h.sandbox.requests('agora');
    expect(projects.path).toBe('/dev/v1/projects');
    expect(projects.headers['content-type']).toBe('application/json');
    expect(projects.headers.authorization).toBe(
      `Basic ${Buffer.from('agora-customer-key-1:agora-customer-secret-1').toString('base64')}`,
    );
    expect(usage.path).toBe('/dev/v3/usage');
    expect(Object.fromEntries(new URLSearchParams(usage.query))).toEqual({
      project_id: 'p1',
      from_date: '2026-08-31',
      to_date: '2026-09-29',
      business: 'default',
    });
  });

  it('adds up every enabled project and every business asked for, per day', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ business: ['default', 'cloudRecording'] }, h));

    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-27', amount: 12000, unit: 'minutes' },
      { date: '2026-09-28', amount: 1200, unit: 'minutes' },
    ]);
    const asked = h.sandbox.requests('agora').map((r) => new URLSearchParams(r.query).get('project_id'));
    expect(asked).toEqual([null, 'p1', 'p1', 'p2', 'p2']);
  });

  it("keeps each project's own usage under its App ID (vendor_key), its businesses added up", async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ business: ['default', 'cloudRecording'] }, h));

    expect(snapshot.scopedUsage).toEqual([
      { date: '2026-09-27', amount: 12000, unit: 'minutes', scope: 'app-1' },
      { date: '2026-09-28', amount: 1100, unit: 'minutes', scope: 'app-1' },
      { date: '2026-09-28', amount: 100, unit: 'minutes', scope: 'app-2' },
    ]);
    // the account's own figure is untouched: the projects' shares are not added to it again
    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-27', amount: 12000, unit: 'minutes' },
      { date: '2026-09-28', amount: 1200, unit: 'minutes' },
    ]);
  });

  it("prices each project's own usage with the declared table, within the spend window only", async () => {
    await start();
    const topUp = { amount: 100, currency: 'USD', date: '2026-06-01' };

    const snapshot = await h.poll(adapter, account({ prices: PRICES, topUp, usageDays: 2 }, h));

    expect(snapshot.scopedUsage).toEqual([
      { date: '2026-09-28', amount: 0.99, unit: 'USD', scope: 'app-1' },
      { date: '2026-09-28', amount: 0.1, unit: 'USD', scope: 'app-2' },
    ]);
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-28', amount: 1.09, unit: 'USD' }]);
  });

  it('counts duration fields it has never seen and ignores other keys', async () => {
    await start(
      fixtureAccount({
        usage: {
          p1: {
            default: [{ date: '2026-09-28', usage: { durationAudioAll: 60, durationVideo8K: 60, peakUsers: 500 } }],
          },
        },
      }),
    );

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'] }, h));

    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-28', amount: 2, unit: 'minutes' }]);
  });

  it('reads only the projects of the App IDs given, disabled or not', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ appIds: ['app-3'] }, h));

    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-28', amount: 16666.65, unit: 'minutes' }]);
  });

  it('names App IDs the account does not have', async () => {
    await start();

    const error = await h.pollError(adapter, account({ appIds: ['app-1', 'app-9'] }, h));

    expect(error).toBeInstanceOf(AccountSetupError);
    expect(error.message).toBe(
      'agora account agora-main: option appIds[1]: no project with App ID app-9 in this Agora account',
    );
  });

  it('reads dates sent as Unix timestamps as the same days', async () => {
    await start(fixtureAccount({ dateFormat: 'epoch' }));

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'] }, h));

    expect(snapshot.dailySpend?.map((d) => d.date)).toEqual(['2026-09-27', '2026-09-28']);
  });

  it('prices daily usage with the declared table', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'], prices: PRICES }, h));

    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-27', amount: 17.88, unit: 'USD' },
      { date: '2026-09-28', amount: 0.99, unit: 'USD' },
    ]);
  });

  it('estimates the balance as the declared top-up minus priced usage since its date, labelled estimated', async () => {
    await start();
    const topUp = { amount: 100, currency: 'USD', date: '2026-09-28' };

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'], prices: PRICES, topUp }, h));

    expect(snapshot.balance).toEqual({ amount: 99.01, currency: 'USD', estimated: true });
  });

  it('reads usage back to a top-up older than the spend window, and keeps the spend window', async () => {
    await start();
    const topUp = { amount: 100, currency: 'USD', date: '2026-06-01' };

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'], prices: PRICES, topUp, usageDays: 2 }, h));

    expect(new URLSearchParams(h.sandbox.requests('agora')[1].query).get('from_date')).toBe('2026-06-01');
    expect(snapshot.balance).toEqual({ amount: 81.13, currency: 'USD', estimated: true });
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-28', amount: 0.99, unit: 'USD' }]);
  });

  it('refuses to price usage of a field that has no price, rather than count it as free', async () => {
    await start(
      fixtureAccount({ usage: { p1: { default: [{ date: '2026-09-28', usage: { durationVideo2K: 60 } }] } } }),
    );

    const error = await h.pollError(adapter, account({ appIds: ['app-1'], prices: PRICES }, h));

    expect(error.message).toBe(
      'agora account agora-main: option prices.perThousandMinutes: no price for durationVideo2K, which has usage on 2026-09-28; add it (0 if it is free)',
    );
  });

  it('turns a declared prepaid plan into an entitlement ending with the month, and notes the next arrears check', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'], plan: 'pro' }, h));

    expect(snapshot.entitlements).toEqual([
      {
        id: 'prepaid-plan:pro',
        name: 'Agora RTC Pro prepaid plan (auto-renews on the 25th for the next month)',
        expiresOn: '2026-09-30',
        autoRenew: true,
      },
    ]);
    expect(snapshot.raw?.rules).toEqual({ nextArrearsCheck: '2026-10-07', arrearsThreshold: '50 USD', graceHours: 24 });
  });

  it('never keeps the App Certificate (sign_key) of a project', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({}, h));

    expect(JSON.stringify(snapshot)).not.toContain('cert-app-');
  });

  it('reports every invalid option at once, naming the account and the option path', async () => {
    await start();
    const options = {
      appIds: 'app-1',
      business: ['default', 'video'],
      usageDays: 0,
      prices: { currency: 'usd', perThousandMinutes: { durationAudioAll: -1 } },
      topUp: { amount: 10, currency: 'EUR', date: '2026-10-01' },
      plan: 'gold',
      appId: 'x',
    };

    const error = await h.pollError(adapter, account(options, h));

    expect(error.message).toBe(
      [
        'agora account agora-main: 8 problems:',
        '  option appId: unknown option; this vendor takes appIds, business, usageDays, prices, topUp, plan',
        '  option appIds: expected a non-empty list of strings, got another string',
        '  option business[1]: expected one of default, transcodeDuration, recording, cloudRecording, miniapp, got another string',
        '  option usageDays: expected a whole number from 1 to 365, got 0',
        '  option prices.currency: expected an ISO 4217 currency code such as USD, got another string',
        '  option prices.perThousandMinutes.durationAudioAll: expected a number of 0 or more, got -1',
        '  option topUp.date: 2026-10-01 is after today (2026-09-30)',
        '  option plan: expected one of starter, pro, business, business-plus, enterprise, got another string',
      ].join('\n'),
    );
    expect(h.sandbox.requests()).toEqual([]);
  });

  it('wants the top-up in the currency of the prices, and within the year Agora answers', async () => {
    await start();
    const topUp = { amount: 10, currency: 'EUR', date: '2025-09-01' };

    const error = await h.pollError(adapter, account({ prices: PRICES, topUp }, h));

    expect(error.message).toBe(
      [
        'agora account agora-main: 2 problems:',
        '  option topUp.date: 2025-09-01 is more than a year ago; Agora answers usage within one year, so declare a newer top-up',
        '  option topUp.currency: must match prices.currency (USD), got EUR',
      ].join('\n'),
    );
  });
});

describe('the Agora adapter when Agora fails', () => {
  it('reports wrong credentials after one attempt, with the vendor message', async () => {
    await start(fixtureAccount({ customerSecret: 'rotated' }));

    const error = await h.pollError(adapter, account({}, h));

    expect(error).toBeInstanceOf(VendorError);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v1/projects failed after 1 attempt: HTTP 401 (message: Invalid authentication credentials)',
    );
    expect(h.sandbox.requests('agora')).toHaveLength(1);
  });

  it('waits out throttling as Retry-After asks, then succeeds', async () => {
    await start();
    h.sandbox.inject('agora', { kind: 'throttle', times: 2, retryAfterSeconds: 2 });

    const snapshot = await h.poll(adapter, account({ appIds: ['app-1'] }, h));

    expect(snapshot.dailySpend).toHaveLength(2);
    expect(h.retries.map((r) => [r.kind, r.delayMs])).toEqual([
      ['throttled', 2000],
      ['throttled', 2000],
    ]);
  });

  it('gives up on server errors once its retries run out', async () => {
    await start();
    h.sandbox.inject('agora', { kind: 'server-error', times: 10 });

    const error = await h.pollError(adapter, account({}, h));

    expect(error.message).toBe('agora account agora-main: GET /dev/v1/projects failed after 4 attempts: HTTP 503');
    expect((error as VendorError).retryable).toBe(true);
  });

  it('reports a malformed answer without retrying it', async () => {
    await start();
    h.sandbox.inject('agora', { kind: 'malformed', times: 1 });

    const error = await h.pollError(adapter, account({}, h));

    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v1/projects failed after 1 attempt: HTTP 201: the answer is not JSON',
    );
  });

  it('reports a usage day it cannot date as malformed, rather than drop it', async () => {
    await start(fixtureAccount({ usage: { p1: { default: [{ date: '2026-09-28Tlate', usage: {} }] } } }));

    const error = await h.pollError(adapter, account({ appIds: ['app-1'] }, h));

    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP 200: usages[0].date is not a date (ISO-8601 or a Unix timestamp; got a string)',
    );
  });

  it('times out a vendor that never answers', async () => {
    await start(fixtureAccount(), { timeoutMs: 50, maxAttempts: 2 });
    h.sandbox.inject('agora', { kind: 'hang' });

    const error = await h.pollError(adapter, account({}, h));

    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v1/projects failed after 2 attempts: timed out after 50 ms',
    );
  });

  it('reports "Project not found" for a project without usage data', async () => {
    await start(fixtureAccount({ usage: {} }));

    const error = await h.pollError(adapter, account({ appIds: ['app-1'] }, h));

    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP 404 (message: Project not found)',
    );
  });

  it('stays under 10 requests per second per account, so a dozen projects see no 429', async () => {
    const many = Array.from({ length: 12 }, (_, i) => project(`p${i}`, `app-${i}`));
    await start(
      fixtureAccount({
        projects: many,
        usage: Object.fromEntries(many.map((p) => [p.id, { default: [] }])),
      }),
    );

    await h.poll(adapter, account({}, h));

    const statuses = h.sandbox.requests('agora').map((r) => r.status);
    expect(statuses).toEqual([201, ...Array(12).fill(200)]);
    expect(h.retries).toEqual([]);
  });

  it('names a missing credential field and never its value', async () => {
    h = await startHarness({}, { 'rg/agora': { customerKey: 'agora-customer-key-1' } });

    const error = await h.pollError(adapter, account({}, h));

    expect(error.message).toBe(
      'agora account agora-main: secret "rg/agora" has no field "customerSecret" (or it is empty)',
    );
  });
});
