/**
 * Closer watch (issue 16, point 4): an account whose runway is under two days is polled hourly until it
 * recovers. A spend spike at 10:00 that would empty the balance by evening raises an emergency in the
 * afternoon, while there is still money; a healthy account is not polled by the hourly run.
 */
import { loadGuardConfig } from '../../lambda/app/load-config';
import { runCycle, type CycleDeps } from '../../lambda/app/run-cycle';
import { runWatchCycle } from '../../lambda/app/watch-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { addDays } from '../../lambda/core/dates';
import type { EmailSender, OutgoingEmail } from '../../lambda/core/delivery-port';
import type { GuardConfig } from '../../lambda/core/model';
import type { AccountSnapshot, VendorAdapter } from '../../lambda/core/vendor-port';
import { ownerEmailPublishers } from '../../lambda/delivery';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

jest.setTimeout(60_000);

const DAY = '2026-10-14'; // a Wednesday; Shanghai is UTC+8, the check at 09:30

function guard(extra: Record<string, unknown> = {}): GuardConfig {
  const result = loadGuardConfig({
    document: {
      ...extra,
      version: 1,
      timeZone: 'Asia/Shanghai',
      checkTime: '09:30',
      calendar: 'weekends',
      accounts: [
        { id: 'hot', vendor: 'huawei', credentials: 'rg/hot', balance: { minRunwayDays: 3 } },
        { id: 'calm', vendor: 'huawei', credentials: 'rg/calm', balance: { minRunwayDays: 3 } },
      ],
      services: [
        { id: 'live', name: 'Live', project: 'live', account: 'hot', kind: 'prepaid', owners: ['a@example.com'] },
        { id: 'calm-svc', name: 'Calm', project: 'calm', account: 'calm', kind: 'prepaid', owners: ['b@example.com'] },
      ],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

/** Two weeks of 400 CNY a day, then from 10:00 on DAY a spike of 100 CNY an hour. */
function hotBalance(at: Date): number {
  const spikeStart = Date.parse(`${DAY}T10:00:00+08:00`);
  const hours = Math.max(0, (at.getTime() - spikeStart) / 3_600_000);
  return Math.max(0, 700 - 100 * hours);
}

function vendor(polls: string[]): VendorAdapter {
  return {
    vendor: 'huawei',
    poll: async (account, ctx): Promise<AccountSnapshot> => {
      polls.push(`${account.id}@${ctx.now.toISOString()}`);
      const amount = account.id === 'hot' ? hotBalance(ctx.now) : 12_000;
      return {
        accountId: account.id,
        vendor: 'huawei',
        takenAt: ctx.now.toISOString(),
        balance: { amount, currency: 'CNY' },
        dailySpend: Array.from({ length: 14 }, (_, i) => ({
          date: addDays(DAY, i - 14),
          amount: 400,
          unit: 'CNY',
        })),
        entitlements: [],
      };
    },
  };
}

describe('closer watch', () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => (dynamo = await startDynalite()));
  afterAll(() => dynamo.stop());

  it('raises the emergency of a spike at 10:00 in the afternoon, before the balance reaches zero', async () => {
    // Prepare: the daily check at 09:30 finds 700 CNY at 400 a day (1.75 days): critical, and under watch
    const config = guard();
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(config.services, `${DAY}T00:00:00Z`);
    const polls: string[] = [];
    const deps: CycleDeps = {
      registry,
      vendors: new Map([['huawei', vendor(polls)]]),
      secrets: { resolve: async () => ({}) },
      http: {} as CycleDeps['http'],
      publishers: [],
    };
    const daily = await runCycle(config, deps, new Date(`${DAY}T09:30:00+08:00`), 'daily');
    expect(daily.alerts.filter((a) => a.accountId === 'hot').map((a) => [a.kind, a.severity])).toEqual([
      ['runway', 'critical'],
    ]);

    // Act: the hourly runs from 10:30 on
    const hourly: { at: string; balance: number; watched: readonly string[]; fired: string[] }[] = [];
    for (let hour = 10; hour <= 18; hour += 1) {
      const at = new Date(`${DAY}T${String(hour).padStart(2, '0')}:30:00+08:00`);
      const run = await runWatchCycle(config, deps, at, `watch-${hour}`);
      hourly.push({
        at: `${hour}:30`,
        balance: hotBalance(at),
        watched: run.watched,
        fired: run.alerts.map((a) => `${a.kind}:${a.severity}`),
      });
    }

    // Assess: only the hot account is polled hourly; the emergency comes at 13:30, with 350 CNY left
    expect(polls.filter((p) => p.startsWith('calm@'))).toHaveLength(1);
    const emergency = hourly.find((h) => h.fired.includes('runway:emergency'))!;
    expect(emergency).toEqual({ at: '13:30', balance: 350, watched: ['hot'], fired: ['runway:emergency'] });
    expect(emergency.balance).toBeGreaterThan(0);
    // fired once: the later hours claim nothing new until the balance is empty
    expect(hourly.filter((h) => h.fired.length > 0).map((h) => h.at)).toEqual(['13:30']);
  });

  it('stops watching once the account recovers, and reads only the account states while none is watched', async () => {
    const config = guard();
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(config.services, `${DAY}T00:00:00Z`);
    const polls: string[] = [];
    const topped: VendorAdapter = {
      vendor: 'huawei',
      poll: async (account, ctx) => {
        const snapshot = await vendor(polls).poll(account, ctx);
        return ctx.now.getTime() >= Date.parse(`${DAY}T11:00:00+08:00`)
          ? { ...snapshot, balance: { amount: 20_000, currency: 'CNY' } }
          : snapshot;
      },
    };
    const deps: CycleDeps = {
      registry,
      vendors: new Map([['huawei', topped]]),
      secrets: { resolve: async () => ({}) },
      http: {} as CycleDeps['http'],
      publishers: [],
    };
    await runCycle(config, deps, new Date(`${DAY}T09:30:00+08:00`), 'daily');

    const at1030 = await runWatchCycle(config, deps, new Date(`${DAY}T10:30:00+08:00`), 'w1');
    const at1130 = await runWatchCycle(config, deps, new Date(`${DAY}T11:30:00+08:00`), 'w2');
    const at1230 = await runWatchCycle(config, deps, new Date(`${DAY}T12:30:00+08:00`), 'w3');

    expect([at1030.watched, at1130.watched, at1230.watched]).toEqual([['hot'], ['hot'], []]);
    // the 11:30 poll read the top-up: the low-balance episode resolves with a recovered notice
    expect(at1130.alerts.map((a) => a.key)).toEqual([expect.stringMatching(/^hot:balance:2026-10-14:recovered$/)]);
    expect(at1230.accounts).toEqual([]);
  });
  it("emails the emergency to the owners of the account's services, and leaves nothing owed", async () => {
    // Prepare: owners hear by SES (a recording sender here: the SES transport has its own tests)
    const config = guard({ ownerEmail: { from: 'renewal-guard@example.com' } });
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(config.services, `${DAY}T00:00:00Z`);
    const sent: OutgoingEmail[] = [];
    const sender: EmailSender = { send: async (email) => void sent.push(email) };
    const deps: CycleDeps = {
      registry,
      vendors: new Map([['huawei', vendor([])]]),
      secrets: { resolve: async () => ({}) },
      http: {} as CycleDeps['http'],
      publishers: ownerEmailPublishers(config, { sender }),
    };
    await runCycle(config, deps, new Date(`${DAY}T09:30:00+08:00`), 'daily');

    // Act: the hourly run that finds the balance running out today
    const watch = await runWatchCycle(config, deps, new Date(`${DAY}T13:30:00+08:00`), 'watch-13');

    // Assess: the owner of the hot account's service has the emergency; its entry is settled
    const emergency = watch.alerts.find((a) => a.severity === 'emergency')!;
    expect(emergency.kind).toBe('runway');
    expect(watch.deliveries.filter((d) => d.key === emergency.key).map((d) => d.status)).toEqual(['delivered']);
    expect(sent.filter((e) => e.alertKey === emergency.key).map((e) => e.to)).toEqual(['a@example.com']);
    expect(await registry.listOutbox()).toEqual([]);
  });
});
