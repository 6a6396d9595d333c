/**
 * `expired-in-use` on an account with several apps, as the deployed guard runs it: runCycle over a dynalite
 * registry, the Agora adapter against the vendor sandbox. Agora reports usage per project (App ID), so a
 * lapsed service owns the traffic of the App ID it names, whatever its live neighbours spend; and the
 * account's own figures (balance, spend a day, runway) are what they were when only the account's total was
 * reported.
 */
import { loadGuardConfig } from '../../lambda/app/load-config';
import { runCycle, type CycleReport } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { GuardConfig, Vendor } from '../../lambda/core/model';
import type { VendorAdapter } from '../../lambda/core/vendor-port';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox';
import type { AgoraSandboxAccount, AgoraSandboxProject } from '../../lambda/sandbox/vendors/agora';
import { AgoraVendor, defaultVendorAdapters, ResilientHttp } from '../../lambda/vendors';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { MapSecrets } from '../vendors/support/sandbox-harness';

jest.setTimeout(60_000);

const BEFORE_EXPIRY = '2026-10-01T01:30:00Z'; // 09:30 in Shanghai
const AFTER_EXPIRY = '2026-10-11T01:30:00Z';
const KEY = 'agora-customer-key-1';
const SECRET = 'agora-customer-secret-1';

/** Seconds of audio a day per App ID: app-old's traffic stops the day after its service lapses. */
const SECONDS: Record<string, (date: string) => number> = {
  'app-live': () => 60_000, // 1,000 minutes: its service lapsed, its traffic goes on
  'app-old': (date) => (date <= '2026-10-05' ? 12_000 : 0), // 200 minutes, then none
  'app-im': () => 180_000, // 3,000 minutes: the live neighbour
};

function project(id: string, appId: string): AgoraSandboxProject {
  return { id, name: id, vendor_key: appId, sign_key: `cert-${appId}`, recording_server: null, status: 1, created: 0 };
}

function days(appId: string): { date: string; usage: Record<string, number> }[] {
  const out: { date: string; usage: Record<string, number> }[] = [];
  for (let t = Date.parse('2026-09-01T00:00:00Z'); t <= Date.parse('2026-10-10T00:00:00Z'); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push({ date, usage: { durationAudioAll: SECONDS[appId]!(date) } });
  }
  return out;
}

const AGORA: AgoraSandboxAccount = {
  customerKey: KEY,
  customerSecret: SECRET,
  projects: [project('p-live', 'app-live'), project('p-old', 'app-old'), project('p-im', 'app-im')],
  usage: {
    'p-live': { default: days('app-live') },
    'p-old': { default: days('app-old') },
    'p-im': { default: days('app-im') },
  },
};

let dynamo: LocalDynamo;
let now = new Date(BEFORE_EXPIRY);

beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

function config(sandbox: VendorSandbox): GuardConfig {
  const service = (id: string, appId: string, expiresOn: string) => ({
    id,
    name: id,
    project: appId,
    account: 'agora-main',
    kind: 'subscription',
    expiresOn,
    owners: ['alice@example.com'],
  });
  const result = loadGuardConfig({
    document: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      checkTime: '09:30',
      calendar: 'weekends',
      accounts: [
        {
          id: 'agora-main',
          vendor: 'agora',
          credentials: 'rg/agora',
          endpoint: sandbox.endpoint('agora'),
          prices: { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99 } },
          topUp: { amount: 1000, currency: 'USD', date: '2026-09-21' },
        },
      ],
      services: [
        service('live-rtc', 'app-live', '2026-10-05'),
        service('old-rtc', 'app-old', '2026-10-05'),
        service('im', 'app-im', '2027-03-01'),
      ],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
    today: '2026-10-01',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

/** The Agora adapter as it was before it reported per-app usage: the account's total only. */
const accountTotalOnly: VendorAdapter = {
  vendor: 'agora',
  poll: async (account, ctx) => {
    const { scopedUsage: _perApp, ...snapshot } = await new AgoraVendor().poll(account, ctx);
    return snapshot;
  },
};

/** A cycle before both services lapse and one after, on a fresh registry and sandbox (its own rate window). */
async function twoCycles(vendors: ReadonlyMap<Vendor, VendorAdapter>): Promise<[CycleReport, CycleReport]> {
  const sandbox = await startVendorSandbox({ fixtures: { agora: { accounts: [{ ...AGORA }] } }, clock: () => now });
  try {
    return await cyclesAgainst(sandbox, vendors);
  } finally {
    await sandbox.stop();
  }
}

async function cyclesAgainst(
  sandbox: VendorSandbox,
  vendors: ReadonlyMap<Vendor, VendorAdapter>,
): Promise<[CycleReport, CycleReport]> {
  const guard = config(sandbox);
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(guard.services, BEFORE_EXPIRY);
  const cycle = (instant: string) => {
    now = new Date(instant);
    const deps = {
      registry,
      vendors,
      secrets: new MapSecrets({ 'rg/agora': { customerKey: KEY, customerSecret: SECRET } }),
      http: new ResilientHttp({ timeoutMs: 5_000, random: () => 0.5, clock: () => now, sleep: async () => {} }),
      publishers: [],
    };
    return runCycle(guard, deps, now, `cycle-${instant}`);
  };
  return [await cycle(BEFORE_EXPIRY), await cycle(AFTER_EXPIRY)];
}

const inUse = (report: CycleReport) => report.alerts.filter((a) => a.kind === 'expired-in-use');

describe('expired in use on an account with several apps', () => {
  it('fires for the lapsed service whose App ID still has traffic, not for the one whose traffic stopped', async () => {
    // Act: both services live on the first cycle, both lapsed on the second; the IM app stays live throughout
    const [live, lapsed] = await twoCycles(defaultVendorAdapters());

    // Assess
    expect(live.accounts[0]!.status).toBe('ok');
    expect(inUse(live)).toEqual([]);
    expect(inUse(lapsed).map((a) => [a.key, a.serviceId, a.severity])).toEqual([
      ['live-rtc:expired-in-use:2026-10-05', 'live-rtc', 'emergency'],
    ]);
    expect(inUse(lapsed)[0]!.message).toContain(
      'expired on 2026-10-05 (6 days ago) but is still in use: app-live on account agora-main shows usage on 2026-10-10',
    );
  });

  it("leaves the account's balance, spend a day and runway as the account's total alone makes them", async () => {
    // Act
    const [, withApps] = await twoCycles(defaultVendorAdapters());
    const [, totalOnly] = await twoCycles(new Map([['agora', accountTotalOnly]]));

    // Assess: top-up 1,000 less 15 days at 4,200 minutes and 5 at 4,000 (USD 0.99 per 1,000) = 917.83;
    // the last 14 days' spend, 9 at 4.16 and 5 at 3.96, averages 4.0886; 917.83 / 4.0886 = 224.5 days
    const figures = (report: CycleReport) => {
      const { balance, dailySpend, runwayDays } = report.accounts[0]!;
      return { balance, dailySpend, runwayDays, spend: report.accounts[0]!.snapshot!.dailySpend };
    };
    expect(figures(withApps)).toMatchObject({
      balance: { amount: 917.83, currency: 'USD', estimated: true },
      runwayDays: 224.5,
    });
    expect(figures(withApps).dailySpend).toBeCloseTo(57.24 / 14, 10);
    expect(figures(withApps).spend).toHaveLength(30);
    expect(figures(withApps).spend!.slice(-6)).toEqual([
      { date: '2026-10-05', amount: 4.16, unit: 'USD' },
      ...['06', '07', '08', '09', '10'].map((d) => ({ date: `2026-10-${d}`, amount: 3.96, unit: 'USD' })),
    ]);
    expect(figures(withApps)).toEqual(figures(totalOnly));
    // and every other alert of the cycle (spend rules, reminders) is the same too
    const others = (report: CycleReport) => report.alerts.filter((a) => a.kind !== 'expired-in-use');
    expect(others(withApps)).toEqual(others(totalOnly));
    expect(inUse(totalOnly)).toEqual([]); // the gap: a live neighbour hid every lapsed service's traffic
  });
});
