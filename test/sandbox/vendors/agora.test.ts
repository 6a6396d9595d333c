import { startVendorSandbox, type VendorSandbox } from '../../../lambda/sandbox';
import type { AgoraSandboxAccount } from '../../../lambda/sandbox/vendors/agora';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const JSON_AUTH = { authorization: basic('ck', 'cs-secret'), 'content-type': 'application/json' };

function account(overrides: Partial<AgoraSandboxAccount> = {}): AgoraSandboxAccount {
  return {
    customerKey: 'ck',
    customerSecret: 'cs-secret',
    projects: [
      {
        id: 'p1',
        name: 'Live',
        vendor_key: 'app-1',
        sign_key: 'cert-1',
        recording_server: null,
        status: 1,
        created: 1464165672,
      },
    ],
    usage: {
      p1: {
        default: [
          { date: '2026-09-27', usage: { durationAudioAll: 779, durationVideoHd: 60 } },
          { date: '2026-09-28', usage: { durationAudioAll: 120, durationVideoHd: 0 } },
        ],
      },
    },
    ...overrides,
  };
}

let now = new Date('2026-09-30T01:30:00Z');
let sandbox: VendorSandbox;
let fixtureAccount: AgoraSandboxAccount;
async function start(a: AgoraSandboxAccount = account()) {
  fixtureAccount = a;
  sandbox = await startVendorSandbox({ fixtures: { agora: { accounts: [fixtureAccount] } }, clock: () => now });
}
afterEach(async () => {
  now = new Date('2026-09-30T01:30:00Z');
  await sandbox.stop();
});

const get = (path: string, headers: Record<string, string> = JSON_AUTH) =>
  fetch(`${sandbox.endpoint('agora')}${path}`, { headers });
const usagePath = (q: Record<string, string>) =>
  `/dev/v3/usage?${new URLSearchParams({ project_id: 'p1', from_date: '2026-09-27', to_date: '2026-09-29', business: 'default', ...q })}`;

describe('the Agora sandbox', () => {
  it('lists projects with 201, as the doc says, for a GET', async () => {
    await start();

    const res = await get('/dev/v1/projects');

    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ projects: fixtureAccount.projects });
  });

  it('answers usage in seconds per day with ISO dates and the documented meta', async () => {
    await start();

    const res = await get(usagePath({ from_date: '2026-09-28' }));
    const body = (await res.json()) as { usages: unknown[]; meta: Record<string, unknown> };

    expect(res.status).toBe(200);
    expect(body.usages).toEqual([
      { date: '2026-09-28T00:00:00.000Z', usage: { durationAudioAll: 120, durationVideoHd: 0 } },
    ]);
    expect(body.meta.durationAudioAll).toEqual({ en: 'Total Audio Duration', unit: 'second' });
  });

  it('sends dates as Unix seconds when the fixture asks, as the field table says', async () => {
    await start(account({ dateFormat: 'epoch' }));

    const body = (await (await get(usagePath({}))).json()) as { usages: { date: number }[] };

    expect(body.usages.map((u) => u.date)).toEqual([1790467200, 1790553600]);
  });

  it.each([
    ['no authorization', {}],
    ['a wrong secret', { authorization: basic('ck', 'wrong'), 'content-type': 'application/json' }],
  ])('refuses %s with 401 and a message', async (_, headers) => {
    await start();

    const res = await get('/dev/v1/projects', headers);

    expect([res.status, await res.json()]).toEqual([401, { message: 'Invalid authentication credentials' }]);
  });

  it('wants Content-Type: application/json (415 otherwise)', async () => {
    await start();

    const res = await get('/dev/v1/projects', { authorization: JSON_AUTH.authorization });

    expect([res.status, await res.json()]).toEqual([415, { message: 'Unsupported Media Type' }]);
  });

  it.each([
    ['a missing parameter', { business: '' }, 400, 'Missing required parameter: business'],
    ['an unknown business', { business: 'video' }, 400, 'Invalid business: video'],
    ['a reversed range', { from_date: '2026-09-29', to_date: '2026-09-27' }, 400, 'Invalid date range'],
    ['more than a year back', { from_date: '2025-09-01' }, 400, 'You can query usage data within one year'],
    ['an unknown project', { project_id: 'p9' }, 404, 'Project not found'],
  ])('refuses usage with %s', async (_, query, status, message) => {
    await start();

    const res = await get(usagePath(query));

    expect([res.status, await res.json()]).toEqual([status, { message }]);
  });

  it('answers 10 queries per second per account and 429 beyond', async () => {
    await start();

    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await get('/dev/v1/projects')).status);
    now = new Date(now.getTime() + 1000);
    statuses.push((await get('/dev/v1/projects')).status);

    expect(statuses).toEqual([...Array(10).fill(201), 429, 201]);
  });

  it('speaks its own envelope for injected faults', async () => {
    await start();
    sandbox.inject('agora', { kind: 'throttle', times: 1 });
    sandbox.inject('agora', { kind: 'auth-failure' });

    const throttled = await get('/dev/v1/projects');
    const refused = await get('/dev/v1/projects');

    expect([throttled.status, await throttled.json()]).toEqual([429, { message: 'Too many requests' }]);
    expect([refused.status, await refused.json()]).toEqual([401, { message: 'Invalid authentication credentials' }]);
  });
});
