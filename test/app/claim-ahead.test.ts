/**
 * The cycle claims the expiry reminders of services no poll can move while the vendor calls are still in
 * flight (lambda/app/run-cycle.ts, claimAheadOfPolls). These pin the joint: what is claimed before the
 * polls answer and what must wait for them, that nothing is claimed twice, and that a failure on one side
 * surfaces only once the other has settled. The rules' equivalence with a cycle run in sequence is what
 * the ladder, quiet-hours and entitlement tests of run-cycle-policy.test.ts keep proving on this path.
 */
import { guardConfig, NO_HTTP, RecordingPublisher } from './cycle-fixtures';
import { runCycle, type CycleDeps } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { GuardConfig } from '../../lambda/core/model';
import type { LedgerEntry } from '../../lambda/core/registry-port';
import type { VendorAdapter } from '../../lambda/core/vendor-port';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

const NOV_25 = new Date('2026-11-25T09:30:00+08:00');

/** Two services on one Alibaba account, both with a 5-day tier due 2026-11-25; only `follows` names its entitlement. */
function twoServices(): GuardConfig {
  const service = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: id,
    project: 'live-app',
    kind: 'subscription',
    account: 'ali-main',
    expiresOn: '2026-11-30',
    reminderDays: [5],
    owners: ['alice@example.com'],
    ...extra,
  });
  return guardConfig({
    calendar: 'weekends',
    accounts: [{ id: 'ali-main', vendor: 'alibaba', credentials: 'renewal-guard/ali-main' }],
    services: [service('declared'), service('follows', { entitlement: 'rtc-cn-7x1' })],
  });
}

/** An Alibaba adapter whose poll answers only when `open()` is called (or fails, with `fail`). */
function gatedVendor(fail?: Error) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = { answered: false };
  const adapter: VendorAdapter = {
    vendor: 'alibaba',
    poll: async (account, ctx) => {
      await gate;
      state.answered = true;
      if (fail) throw fail;
      return {
        accountId: account.id,
        vendor: 'alibaba',
        takenAt: ctx.now.toISOString(),
        entitlements: [{ id: 'rtc-cn-7x1', name: 'ARTC plan', expiresOn: '2026-11-30', autoRenew: false }],
      };
    },
  };
  return { adapter, open, state };
}

/** A registry that records each claim it is asked for, and can be told to fail them. */
class WatchedRegistry extends DynamoRegistry {
  readonly claims: string[] = [];
  failClaims?: Error;
  failAccountStates?: Error;

  override async listAccountStates() {
    if (this.failAccountStates) throw this.failAccountStates;
    return super.listAccountStates();
  }

  override async claimAlert(entry: LedgerEntry): Promise<boolean> {
    this.claims.push(entry.alert.key);
    if (this.failClaims) throw this.failClaims;
    return super.claimAlert(entry);
  }
}

async function setUp(config: GuardConfig, adapter: VendorAdapter) {
  const registry = new WatchedRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(config.services, '2026-11-01T00:00:00Z');
  const sns = new RecordingPublisher('sns');
  const deps: CycleDeps = {
    registry,
    vendors: new Map([['alibaba', adapter]]),
    secrets: { resolve: async () => ({ accessKeyId: 'id', accessKeySecret: 'secret' }) },
    http: NO_HTTP,
    publishers: [sns],
  };
  return { registry, sns, deps };
}

/** Resolves once `condition` holds, checking every 10 ms; fails after `ms`. */
async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('claims made while the vendor calls are in flight', () => {
  it('claims a declared expiry before the polls answer, and one that follows its entitlement only after', async () => {
    const config = twoServices();
    const vendor = gatedVendor();
    const { registry, sns, deps } = await setUp(config, vendor.adapter);

    const cycle = runCycle(config, deps, NOV_25, 'cycle-1');
    await until(() => registry.claims.length > 0);
    // the poll has not answered: what is claimed so far needed nothing from it
    expect(vendor.state.answered).toBe(false);
    expect(registry.claims).toEqual(['declared:expiry:2026-11-30:5']);
    vendor.open();
    const report = await cycle;

    expect(report.accounts.map((a) => a.status)).toEqual(['ok']);
    expect(report.alerts.map((a) => a.key)).toEqual(['declared:expiry:2026-11-30:5', 'follows:expiry:2026-11-30:5']);
    // each key claimed once: the rest of the cycle skips what was decided ahead
    expect(registry.claims).toEqual(['declared:expiry:2026-11-30:5', 'follows:expiry:2026-11-30:5']);
    expect(sns.keys()).toEqual(['declared:expiry:2026-11-30:5', 'follows:expiry:2026-11-30:5']);
  });

  it('claims and delivers the declared expiries when the vendor is down', async () => {
    const config = twoServices();
    const vendor = gatedVendor(new Error('alibaba account ali-main: QueryAvailableInstances failed: HTTP 503'));
    const { sns, deps } = await setUp(config, vendor.adapter);
    vendor.open();

    const report = await runCycle(config, deps, NOV_25, 'cycle-1');

    expect(report.accounts.map((a) => a.status)).toEqual(['failed']);
    // the entitlement was never read, so `follows` keeps its declared date: its tier is due too
    expect(sns.keys()).toEqual(['declared:expiry:2026-11-30:5', 'follows:expiry:2026-11-30:5']);
  });

  it('surfaces a failed claim only after the polls have settled, leaving nothing in flight', async () => {
    const config = twoServices();
    const vendor = gatedVendor();
    const { registry, deps } = await setUp(config, vendor.adapter);
    registry.failClaims = new Error('registry table renewal-guard: claimAlert (PutItem) failed: throttled');
    let settled = false;

    const cycle = runCycle(config, deps, NOV_25, 'cycle-1').finally(() => (settled = true));
    await until(() => registry.claims.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the claim has failed, yet the cycle waits for the poll it started
    expect(settled).toBe(false);
    vendor.open();

    await expect(cycle).rejects.toThrow('claimAlert (PutItem) failed: throttled');
    expect(vendor.state.answered).toBe(true);
  });
  it('leaves what it claimed ahead in the outbox when the account side fails, for the retry to deliver once', async () => {
    // Prepare: the account states cannot be read in the first attempt, after the declared tier is claimed
    const config = twoServices();
    const vendor = gatedVendor();
    vendor.open();
    const { registry, sns, deps } = await setUp(config, vendor.adapter);
    registry.failAccountStates = new Error('registry table renewal-guard: listAccountStates (Query) failed: throttled');

    // Act: the invocation fails; Lambda retries it (same request id) a minute later
    await expect(runCycle(config, deps, NOV_25, 'request-1')).rejects.toThrow('listAccountStates (Query) failed');
    const claimedBefore = (await registry.listOutbox()).map((e) => e.alert.key);
    registry.failAccountStates = undefined;
    const retry = await runCycle(config, deps, new Date(NOV_25.getTime() + 60_000), 'request-1');

    // Assess: nothing sent by the failed attempt, everything once by the retry, nothing left owed
    expect(claimedBefore).toEqual(['declared:expiry:2026-11-30:5']);
    expect(retry.deliveries.filter((d) => d.status === 'failed')).toEqual([]);
    expect(sns.keys()).toEqual(['declared:expiry:2026-11-30:5', 'follows:expiry:2026-11-30:5']);
    expect(await registry.listOutbox()).toEqual([]);
  });
});
