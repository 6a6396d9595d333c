import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { alert, LATER, ledgerEntry, NOW, service } from './registry-fixtures';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
let registry: DynamoRegistry;
let tableName: string;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());
beforeEach(async () => {
  tableName = await dynamo.createRegistryTable();
  registry = new DynamoRegistry({ tableName, client: dynamo.client });
});

/** Names of the commands sent through the client while `act` runs. */
async function commandsSentBy(act: () => Promise<unknown>): Promise<string[]> {
  const send = jest.spyOn(dynamo.client, 'send');
  try {
    await act();
    return send.mock.calls.map(([command]) => command.constructor.name);
  } finally {
    send.mockRestore();
  }
}

describe('syncDeclaredServices', () => {
  it('adds new services as active records with an empty lastAlertKeys map', async () => {
    // Act
    const result = await registry.syncDeclaredServices([service('live-rtc'), service('chat-im')], NOW);

    // Assess
    expect(result).toEqual({ added: ['chat-im', 'live-rtc'], updated: [], retired: [], restored: [], unchanged: 0 });
    expect(await registry.listServices()).toEqual([
      { service: service('chat-im'), retired: false, updatedAt: NOW, lastAlertKeys: {} },
      { service: service('live-rtc'), retired: false, updatedAt: NOW, lastAlertKeys: {} },
    ]);
  });

  it('stores optional fields that are present but undefined as absent', async () => {
    await registry.syncDeclaredServices([service('manual', { account: undefined, expiresOn: undefined })], NOW);

    const [record] = await registry.listServices();
    expect(Object.keys(record.service)).not.toContain('account');
    expect(Object.keys(record.service)).not.toContain('expiresOn');
  });

  it('rewrites only services whose config changed and counts the others as unchanged', async () => {
    // Prepare
    await registry.syncDeclaredServices([service('live-rtc'), service('chat-im')], NOW);

    // Act
    const renewed = service('live-rtc', { expiresOn: '2027-10-09' });
    const result = await registry.syncDeclaredServices([renewed, service('chat-im')], LATER);

    // Assess
    expect(result).toEqual({ added: [], updated: ['live-rtc'], retired: [], restored: [], unchanged: 1 });
    expect(await registry.listServices()).toEqual([
      { service: service('chat-im'), retired: false, updatedAt: NOW, lastAlertKeys: {} },
      { service: renewed, retired: false, updatedAt: LATER, lastAlertKeys: {} },
    ]);
  });

  it('costs one Query and no write when nothing changed', async () => {
    // Prepare
    const declared = [service('live-rtc'), service('chat-im')];
    await registry.syncDeclaredServices(declared, NOW);

    // Act
    let result;
    const sent = await commandsSentBy(async () => (result = await registry.syncDeclaredServices(declared, LATER)));

    // Assess
    expect(result).toEqual({ added: [], updated: [], retired: [], restored: [], unchanged: 2 });
    expect(sent).toEqual(['QueryCommand']);
  });

  it('retires services that are no longer declared and keeps their record', async () => {
    // Prepare
    await registry.syncDeclaredServices([service('live-rtc'), service('old-vod')], NOW);

    // Act
    const result = await registry.syncDeclaredServices([service('live-rtc')], LATER);

    // Assess
    expect(result).toEqual({ added: [], updated: [], retired: ['old-vod'], restored: [], unchanged: 1 });
    expect(await registry.listServices()).toEqual([
      { service: service('live-rtc'), retired: false, updatedAt: NOW, lastAlertKeys: {} },
    ]);
    expect(await registry.listServices({ includeRetired: true })).toEqual([
      { service: service('live-rtc'), retired: false, updatedAt: NOW, lastAlertKeys: {} },
      { service: service('old-vod'), retired: true, retiredAt: LATER, updatedAt: LATER, lastAlertKeys: {} },
    ]);
  });

  it('leaves an already retired service alone while it stays undeclared', async () => {
    // Prepare
    await registry.syncDeclaredServices([service('live-rtc'), service('old-vod')], NOW);
    await registry.syncDeclaredServices([service('live-rtc')], NOW);

    // Act
    const result = await registry.syncDeclaredServices([service('live-rtc')], LATER);

    // Assess
    expect(result).toEqual({ added: [], updated: [], retired: [], restored: [], unchanged: 1 });
    const retired = (await registry.listServices({ includeRetired: true })).find((r) => r.service.id === 'old-vod');
    expect(retired).toMatchObject({ retired: true, retiredAt: NOW });
  });

  it('restores a retired service that is declared again, with its new config', async () => {
    // Prepare
    await registry.syncDeclaredServices([service('old-vod')], NOW);
    await registry.syncDeclaredServices([], NOW);
    const revived = service('old-vod', { expiresOn: '2027-01-31' });

    // Act
    const result = await registry.syncDeclaredServices([revived], LATER);

    // Assess
    expect(result).toEqual({ added: [], updated: [], retired: [], restored: ['old-vod'], unchanged: 0 });
    expect(await registry.listServices()).toEqual([
      { service: revived, retired: false, updatedAt: LATER, lastAlertKeys: {} },
    ]);
  });

  it('keeps lastAlertKeys across config changes, retirement and restoration', async () => {
    // Prepare
    await registry.syncDeclaredServices([service('live-rtc')], NOW);
    const claimed = alert('live-rtc');
    await registry.claimAlert(ledgerEntry(claimed));

    // Act
    await registry.syncDeclaredServices([service('live-rtc', { owners: ['bob@example.com'] })], NOW);
    await registry.syncDeclaredServices([], NOW);
    await registry.syncDeclaredServices([service('live-rtc')], LATER);

    // Assess
    const [record] = await registry.listServices();
    expect(record.lastAlertKeys).toEqual({ expiry: claimed.key });
  });

  it('creates the lastAlertKeys map on a service item written before it existed', async () => {
    // Prepare: an item from before lastAlertKeys existed
    await registry.syncDeclaredServices([service('live-rtc')], NOW);
    await dynamo.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'SERVICE', sk: 'live-rtc' },
        UpdateExpression: 'REMOVE lastAlertKeys, configHash',
      }),
    );

    // Act
    await registry.syncDeclaredServices([service('live-rtc')], LATER);

    // Assess
    const { Item } = await dynamo.client.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'SERVICE', sk: 'live-rtc' } }),
    );
    expect(Item?.lastAlertKeys).toEqual({});
  });
});
