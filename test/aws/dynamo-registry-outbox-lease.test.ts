/** The outbox's takeover lease, held entries and batched ledger reads, against dynalite. */
import { alert, LATER, ledgerEntry, NOW, service } from './registry-fixtures';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { leaseOf } from '../../lambda/core/registry-port';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
let registry: DynamoRegistry;

beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());
beforeEach(async () => {
  registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices([service('live-rtc'), service('chat-im')], NOW);
});

describe('takeOver', () => {
  it('lets exactly one of several cycles take an entry over from the lease they all read', async () => {
    const entry = ledgerEntry(alert('live-rtc'), { cycleId: 'cycle-1' });
    await registry.claimAlert(entry);
    const [seen] = await registry.listOutbox();

    const results = await Promise.all(
      ['cycle-2', 'cycle-3', 'cycle-4'].map((cycleId) =>
        registry.takeOver(entry.alert.key, leaseOf(seen!), { cycleId, at: LATER }),
      ),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ['cycle-2', 'cycle-3', 'cycle-4'][results.indexOf(true)];
    const [after] = await registry.listOutbox();
    expect(after!.lease).toEqual({ cycleId: winner, at: LATER });
    // the claim itself is unchanged: it still says who fired the alert and when
    expect([after!.cycleId, after!.claimedAt]).toEqual(['cycle-1', NOW]);
  });

  it('takes over from a takeover, and refuses a lease that is no longer the current one', async () => {
    const entry = ledgerEntry(alert('live-rtc'));
    await registry.claimAlert(entry);
    const first = { cycleId: 'cycle-1', at: NOW };
    const second = { cycleId: 'cycle-2', at: LATER };

    expect(await registry.takeOver(entry.alert.key, first, second)).toBe(true);
    expect(await registry.takeOver(entry.alert.key, first, { cycleId: 'cycle-3', at: LATER })).toBe(false);
    expect(
      await registry.takeOver(entry.alert.key, second, { cycleId: 'cycle-3', at: '2026-10-02T00:00:00.000Z' }),
    ).toBe(true);
  });

  it('refuses an entry that has left the outbox and a key that was never claimed', async () => {
    const entry = ledgerEntry(alert('live-rtc'), { pendingTargets: ['sns'] });
    await registry.claimAlert(entry);
    await registry.markDelivered(entry.alert.key, { targets: ['sns'], at: LATER, settles: true });

    expect(
      await registry.takeOver(entry.alert.key, { cycleId: 'cycle-1', at: NOW }, { cycleId: 'c2', at: LATER }),
    ).toBe(false);
    expect(
      await registry.takeOver(
        'nobody:expiry:2026-10-09:7',
        { cycleId: 'cycle-1', at: NOW },
        { cycleId: 'c2', at: LATER },
      ),
    ).toBe(false);
  });
});

describe('held entries and batched reads', () => {
  it('keeps the instant a held entry waits for, through the outbox and getAlert', async () => {
    const entry = ledgerEntry(alert('live-rtc'), { notBefore: LATER });
    await registry.claimAlert(entry);

    expect((await registry.listOutbox())[0]!.notBefore).toBe(LATER);
    expect((await registry.getAlert(entry.alert.key))!.notBefore).toBe(LATER);
  });

  it('reads the claimed entries of many keys at once, skipping unclaimed and repeated keys', async () => {
    const keys: string[] = [];
    for (let tier = 1; tier <= 150; tier++) {
      const a = alert('live-rtc', { tier });
      keys.push(a.key);
      await registry.claimAlert(ledgerEntry(a, { pendingTargets: [] }));
    }

    const found = await registry.getAlerts([...keys, keys[0]!, 'chat-im:expiry:2026-10-09:7']);

    expect(found.map((e) => e.alert.key).sort()).toEqual([...keys].sort());
  });
});
