import { guardConfig, NO_HTTP, NO_SECRETS, offlineDeps, RecordingPublisher } from './cycle-fixtures';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { AccountConfig } from '../../lambda/core/model';
import type { VendorAdapter } from '../../lambda/core/vendor-port';
import { OUTBOX_LEASE_MS } from '../../lambda/delivery';
import { ManualVendor } from '../../lambda/vendors';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

/**
 * 2026-09-30 is the last working day before National Day (10-01..07): besides the due tiers, every cycle
 * that day owes live-app its readiness notice (live-rtc expires 10-09, within 5 working days after the
 * block), and these tests count it as the cycle really sends it.
 */
const SEP_30 = new Date('2026-09-30T09:30:00+08:00');
const READINESS = '_guard:holiday-readiness:2026-10-01:live-app';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

async function freshRegistry(config = guardConfig()) {
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(config.services, '2026-09-01T00:00:00Z');
  return registry;
}

describe('a cycle', () => {
  it('fires the due reminders, reports the contract fields and hands each alert to every target', async () => {
    // Prepare
    const config = guardConfig();
    const registry = await freshRegistry(config);
    const sns = new RecordingPublisher('sns');
    const bus = new RecordingPublisher('eventbridge');

    // Act
    const report = await runCycle(config, offlineDeps(registry, [sns, bus]), SEP_30, 'cycle-1');

    // Assess
    expect(report.now).toBe('2026-09-30T09:30:00+08:00');
    expect(report.today).toBe('2026-09-30');
    expect(report.accounts).toEqual([expect.objectContaining({ id: 'contracts', vendor: 'manual', status: 'ok' })]);
    expect(report.alerts.map((a) => a.key)).toEqual([
      READINESS,
      'live-rtc:expiry:2026-10-09:7',
      'voice-room:expiry:2026-10-20:15',
    ]);
    expect(sns.keys()).toEqual([READINESS, 'live-rtc:expiry:2026-10-09:7', 'voice-room:expiry:2026-10-20:15']);
    expect(bus.keys()).toEqual(sns.keys());
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('fires nothing new when the same cycle runs again', async () => {
    const config = guardConfig();
    const registry = await freshRegistry(config);
    const sns = new RecordingPublisher('sns');
    const deps = offlineDeps(registry, [sns]);
    await runCycle(config, deps, SEP_30, 'cycle-1');

    const again = await runCycle(config, deps, SEP_30, 'cycle-2');

    expect(again.alerts).toEqual([]);
    expect(sns.published).toHaveLength(3); // two tiers and the readiness notice, each once
  });

  it('fires each key once when cycles run concurrently on one registry', async () => {
    // Prepare: five cycles at once, as overlapping retries would
    const config = guardConfig();
    const registry = await freshRegistry(config);
    const sns = new RecordingPublisher('sns');
    const deps = offlineDeps(registry, [sns]);

    // Act
    const reports = await Promise.all([1, 2, 3, 4, 5].map((n) => runCycle(config, deps, SEP_30, `cycle-${n}`)));

    // Assess
    const fired = reports.flatMap((r) => r.alerts.map((a) => a.key)).sort();
    expect(fired).toEqual([READINESS, 'live-rtc:expiry:2026-10-09:7', 'voice-room:expiry:2026-10-20:15']);
    expect(sns.keys()).toEqual(fired);
  });

  it('confirms a renewal once and sends no reminder for the old date in the cycles after it', async () => {
    const config = guardConfig();
    const registry = await freshRegistry(config);
    const deps = offlineDeps(registry, []);
    await runCycle(config, deps, SEP_30, 'cycle-1');
    const renewed = guardConfig({
      services: [{ ...config.services[0], expiresOn: '2027-10-09' }, config.services[1]],
    });
    await registry.syncDeclaredServices(renewed.services, '2026-10-01T00:00:00Z');

    const reports = [];
    for (const day of ['2026-10-08', '2026-10-09', '2026-10-12']) {
      reports.push(await runCycle(renewed, deps, new Date(`${day}T09:30:00+08:00`), `cycle-${day}`));
    }

    // the renewal is confirmed once, on the first cycle that sees it; the old date's tiers have stopped
    const keys = reports.map((r) => r.alerts.filter((a) => a.serviceId === 'live-rtc').map((a) => a.key));
    expect(keys).toEqual([['live-rtc:renewal-confirmed:2026-10-09'], [], []]);
  });

  it('reports a failing vendor with its reason and goes on with the other accounts and the services', async () => {
    // Prepare
    const failing: VendorAdapter = {
      vendor: 'agora',
      poll: async () => {
        throw new Error('agora: HTTP 401 invalid customer key');
      },
    };
    const config = guardConfig({
      accounts: [
        { id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main' },
        { id: 'contracts', vendor: 'manual' },
      ],
    });
    const registry = await freshRegistry(config);
    const vendors = new Map<AccountConfig['vendor'], VendorAdapter>([
      ['agora', failing],
      ['manual', new ManualVendor()],
    ]);

    // Act
    const report = await runCycle(
      config,
      { registry, vendors, secrets: NO_SECRETS, http: NO_HTTP, publishers: [] },
      SEP_30,
      'c',
    );

    // Assess
    expect(report.accounts.map((a) => [a.id, a.status, a.error])).toEqual([
      ['agora-main', 'failed', 'agora: HTTP 401 invalid customer key'],
      ['contracts', 'ok', undefined],
    ]);
    expect(report.alerts.map((a) => a.key)).toEqual([
      READINESS,
      'live-rtc:expiry:2026-10-09:7',
      'voice-room:expiry:2026-10-20:15',
    ]);
  });

  it('reports an account whose vendor has no adapter in this build as failed, not healthy', async () => {
    const config = guardConfig({
      accounts: [
        { id: 'vonage-eu', vendor: 'vonage', credentials: 'renewal-guard/vonage-eu' },
        { id: 'contracts', vendor: 'manual' },
      ],
    });
    const registry = await freshRegistry(config);

    // a build whose adapters do not include Vonage's
    const vendors = new Map<AccountConfig['vendor'], VendorAdapter>([['manual', new ManualVendor()]]);
    const report = await runCycle(
      config,
      { registry, vendors, secrets: NO_SECRETS, http: NO_HTTP, publishers: [] },
      SEP_30,
      'c',
    );

    expect(report.accounts[0]).toEqual({
      id: 'vonage-eu',
      vendor: 'vonage',
      status: 'failed',
      error: 'no adapter for vendor "vonage" in this build',
    });
  });
});

describe('accounts in a cycle', () => {
  it('raises a blind spot on the second failed cycle in a row and reports the runway of healthy accounts', async () => {
    // Prepare: one vendor always failing, one reporting a low balance
    const failing: VendorAdapter = {
      vendor: 'agora',
      poll: async () => {
        throw new Error('agora account agora-main: GET /dev/v1/projects failed: HTTP 401');
      },
    };
    const lowBalance: VendorAdapter = {
      vendor: 'twilio',
      poll: async (account, ctx) => ({
        accountId: account.id,
        vendor: 'twilio',
        takenAt: ctx.now.toISOString(),
        balance: { amount: 90, currency: 'USD' },
        dailySpend: [{ date: '2026-09-29', amount: 30, unit: 'USD' }],
        entitlements: [],
      }),
    };
    const config = guardConfig({
      accounts: [
        { id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main' },
        {
          id: 'twilio-main',
          vendor: 'twilio',
          credentials: 'renewal-guard/twilio-main',
          balance: { minRunwayDays: 14 },
        },
        { id: 'contracts', vendor: 'manual' },
      ],
    });
    const registry = await freshRegistry(config);
    const vendors = new Map<AccountConfig['vendor'], VendorAdapter>([
      ['agora', failing],
      ['twilio', lowBalance],
      ['manual', new ManualVendor()],
    ]);
    const deps = { registry, vendors, secrets: NO_SECRETS, http: NO_HTTP, publishers: [] };

    // Act
    const first = await runCycle(config, deps, SEP_30, 'cycle-1');
    const second = await runCycle(config, deps, new Date(SEP_30.getTime() + 86_400_000), 'cycle-2');

    // Assess
    const accountKeys = (r: typeof first) => r.alerts.filter((a) => a.accountId && !a.serviceId).map((a) => a.key);
    expect(accountKeys(first)).toEqual(['twilio-main:balance:2026-09-30:critical']);
    expect(accountKeys(second)).toEqual(['agora-main:blind-spot:2026-09-30T01:30:00.000Z']);
    expect(second.accounts.find((a) => a.id === 'twilio-main')?.runwayDays).toBe(3);
    // the manual account's state never changes, so it is never written
    expect((await registry.listAccountStates()).map((s) => [s.accountId, s.consecutiveFailures])).toEqual([
      ['agora-main', 2],
      ['twilio-main', 0],
    ]);
  });
});

describe('the outbox', () => {
  it('keeps an alert whose delivery failed and delivers it once the claiming cycle’s lease has passed', async () => {
    // Prepare: SNS fails the first two publishes
    const config = guardConfig();
    const registry = await freshRegistry(config);
    const sns = new RecordingPublisher('sns', 2);
    const deps = offlineDeps(registry, [sns]);

    // Act
    const first = await runCycle(config, deps, SEP_30, 'cycle-1');
    const withinLease = await runCycle(config, deps, new Date(SEP_30.getTime() + 60_000), 'cycle-2');
    const afterLease = await runCycle(config, deps, new Date(SEP_30.getTime() + OUTBOX_LEASE_MS + 60_000), 'cycle-3');

    // Assess
    // the readiness notice, third in line, finds SNS working again
    expect(first.deliveries.map((d) => [d.key, d.status])).toEqual([
      ['live-rtc:expiry:2026-10-09:7', 'failed'],
      ['voice-room:expiry:2026-10-20:15', 'failed'],
      [READINESS, 'delivered'],
    ]);
    expect(withinLease.deliveries).toEqual([]);
    expect(afterLease.alerts).toEqual([]);
    expect(afterLease.deliveries.map((d) => [d.key, d.status])).toEqual([
      ['live-rtc:expiry:2026-10-09:7', 'delivered'],
      ['voice-room:expiry:2026-10-20:15', 'delivered'],
    ]);
    expect(sns.keys()).toEqual([READINESS, 'live-rtc:expiry:2026-10-09:7', 'voice-room:expiry:2026-10-20:15']);
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('redelivers only the target that failed', async () => {
    const config = guardConfig();
    const registry = await freshRegistry(config);
    const sns = new RecordingPublisher('sns');
    const bus = new RecordingPublisher('eventbridge', 1);
    const deps = offlineDeps(registry, [sns, bus]);

    await runCycle(config, deps, SEP_30, 'cycle-1');
    await runCycle(config, deps, new Date(SEP_30.getTime() + OUTBOX_LEASE_MS + 1000), 'cycle-2');

    expect(sns.published).toHaveLength(3);
    expect(bus.published).toHaveLength(3);
  });
});

describe('delivery in a catch-up cycle', () => {
  it('hands several alerts to a target at once instead of one after another', async () => {
    // Prepare: five services due together; a publisher that notes how many publishes overlap
    const services = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      id: `svc-${id}`,
      name: id,
      project: 'p',
      kind: 'subscription',
      expiresOn: '2026-10-20',
      owners: ['ops@example.com'],
    }));
    const config = guardConfig({ services });
    const registry = await freshRegistry(config);
    let inFlight = 0;
    let most = 0;
    const slow = {
      target: 'sns',
      publish: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
      },
    };

    // Act
    const report = await runCycle(config, offlineDeps(registry, [slow]), SEP_30, 'catch-up');

    // Assess
    expect(report.deliveries.map((d) => d.status)).toEqual(Array(5).fill('delivered'));
    expect(most).toBeGreaterThan(1);
  });
});

describe('a quiet cycle', () => {
  it('costs at most 0.05 DynamoDB requests per service', async () => {
    // Prepare: 400 services, all reminded already; count every request the registry sends
    const services = Array.from({ length: 400 }, (_, i) => ({
      id: `svc-${String(i).padStart(4, '0')}`,
      name: `Service ${i}`,
      project: `project-${i % 7}`,
      kind: 'subscription',
      expiresOn: '2026-10-20',
      owners: ['ops@example.com'],
    }));
    const config = guardConfig({ services });
    const registry = await freshRegistry(config);
    const publishers = [new RecordingPublisher('sns')];
    await runCycle(config, offlineDeps(registry, publishers), SEP_30, 'a');
    let requests = 0;
    const countingClient = Object.create(dynamo.client, {
      send: { value: (command: never) => (requests++, dynamo.client.send(command)) },
    });
    const counting = new DynamoRegistry({ tableName: registry.tableName, client: countingClient });

    // Act
    const quiet = await runCycle(
      config,
      offlineDeps(counting, publishers),
      new Date(SEP_30.getTime() + 86_400_000),
      'b',
    );

    // Assess
    expect(quiet.alerts).toEqual([]);
    expect(requests / services.length).toBeLessThanOrEqual(0.05);
  }, 60_000);
});
