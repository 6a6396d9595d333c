import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { alert, ledgerEntry, NOW, service } from './registry-fixtures';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { RegistryError } from '../../lambda/aws/registry/registry-error';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());
afterEach(() => jest.restoreAllMocks());

describe('infrastructure failures', () => {
  it('names the table and the operation when the table does not exist, and is not retryable', async () => {
    // Prepare
    const registry = new DynamoRegistry({ tableName: 'no-such-table', client: dynamo.client });

    // Act
    const listing = registry.listServices();

    // Assess
    await expect(listing).rejects.toThrow(
      'registry table "no-such-table": listServices (Query) failed: ResourceNotFoundException: Requested resource not found',
    );
    await expect(listing).rejects.toMatchObject({
      name: 'RegistryError',
      retryable: false,
      cause: expect.objectContaining({ name: 'ResourceNotFoundException' }),
    });
  });

  it.each([
    ['syncDeclaredServices (Query)', (r: DynamoRegistry) => r.syncDeclaredServices([service('live-rtc')], NOW)],
    ['claimAlert (PutItem)', (r: DynamoRegistry) => r.claimAlert(ledgerEntry(alert('live-rtc')))],
    [
      'markDelivered (UpdateItem)',
      (r: DynamoRegistry) => r.markDelivered('k', { targets: ['sns'], at: NOW, settles: true }),
    ],
    ['listOutbox (Query)', (r: DynamoRegistry) => r.listOutbox()],
    ['getAlert (GetItem)', (r: DynamoRegistry) => r.getAlert('k')],
  ])('reports throttling that outlived the SDK retries in %s as retryable', async (operation, act) => {
    // Prepare
    const tableName = await dynamo.createRegistryTable();
    const registry = new DynamoRegistry({ tableName, client: dynamo.client });
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    jest.spyOn(dynamo.client, 'send').mockImplementation(() => Promise.reject(throttled));

    // Act
    const result = act(registry);

    // Assess
    await expect(result).rejects.toThrow(RegistryError);
    await expect(result).rejects.toMatchObject({
      message: `registry table "${tableName}": ${operation} failed: ProvisionedThroughputExceededException: Rate exceeded`,
      retryable: true,
      cause: throttled,
    });
  });

  function throttleUpdates(): ProvisionedThroughputExceededException {
    const send = dynamo.client.send.bind(dynamo.client);
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    jest
      .spyOn(dynamo.client, 'send')
      .mockImplementation((command) =>
        command.constructor.name === 'UpdateCommand' ? Promise.reject(throttled) : send(command),
      );
    return throttled;
  }

  it('still hands a won claim to its caller when recording lastAlertKeys fails afterwards', async () => {
    // Prepare
    const tableName = await dynamo.createRegistryTable();
    const registry = new DynamoRegistry({ tableName, client: dynamo.client });
    await registry.syncDeclaredServices([service('live-rtc')], NOW);
    throttleUpdates();

    // Act
    const claimed = await registry.claimAlert(ledgerEntry(alert('live-rtc')));

    // Assess: the caller owns the delivery; the ledger holds the entry
    expect(claimed).toBe(true);
    expect(await registry.getAlert(alert('live-rtc').key)).toBeDefined();
  });

  it('reports a failure to record lastAlertKeys after a lost claim', async () => {
    // Prepare: the key was claimed before; recording it on the service fails now
    const tableName = await dynamo.createRegistryTable();
    const registry = new DynamoRegistry({ tableName, client: dynamo.client });
    await registry.syncDeclaredServices([service('live-rtc')], NOW);
    await registry.claimAlert(ledgerEntry(alert('live-rtc')));
    throttleUpdates();

    // Act / Assess
    await expect(registry.claimAlert(ledgerEntry(alert('live-rtc')))).rejects.toMatchObject({
      message: `registry table "${tableName}": claimAlert (UpdateItem) failed: ProvisionedThroughputExceededException: Rate exceeded`,
      retryable: true,
    });
  });
});
