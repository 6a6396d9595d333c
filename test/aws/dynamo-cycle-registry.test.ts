/**
 * The poller's registry is the cycles' part of the port: it reads and writes what a cycle needs on the
 * same table as DynamoRegistry, and carries neither of the writes other functions own (syncing the
 * declared services, recording acknowledgements), so the poller's bundle does not either.
 */
import { alert, ledgerEntry, NOW, service } from './registry-fixtures';
import { DynamoCycleRegistry } from '../../lambda/aws/dynamo-cycle-registry';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

describe('DynamoCycleRegistry', () => {
  it('has no sync or acknowledge write', () => {
    // Act
    const registry = new DynamoCycleRegistry({ tableName: 'any', client: dynamo.client });

    // Assess
    expect('syncDeclaredServices' in registry).toBe(false);
    expect('acknowledge' in registry).toBe(false);
  });

  it('reads what DynamoRegistry synced and acknowledged, and claims on the same ledger', async () => {
    // Prepare
    const tableName = await dynamo.createRegistryTable();
    const full = new DynamoRegistry({ tableName, client: dynamo.client });
    await full.syncDeclaredServices([service('live-rtc')], NOW);
    const entry = ledgerEntry(alert('live-rtc'));
    await full.acknowledge({ key: entry.alert.key, by: 'alice', at: NOW });
    const cycle = new DynamoCycleRegistry({ tableName, client: dynamo.client });

    // Act
    const services = await cycle.listServices();
    const acknowledgement = await cycle.getAcknowledgement(entry.alert.key);
    const claimed = await cycle.claimAlert(entry);

    // Assess
    expect(services.map((r) => r.service.id)).toEqual(['live-rtc']);
    expect(acknowledgement).toMatchObject({ key: entry.alert.key, by: 'alice' });
    expect(claimed).toBe(true);
    expect(await full.claimAlert(entry)).toBe(false);
    expect(await full.getAlert(entry.alert.key)).toEqual(entry);
  });
});
