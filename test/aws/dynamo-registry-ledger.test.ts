import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { alert, LATER, ledgerEntry, NOW, service } from './registry-fixtures';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { RegistryError } from '../../lambda/aws/registry/registry-error';
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
  await registry.syncDeclaredServices([service('live-rtc'), service('chat-im')], NOW);
});

async function rawLedgerItem(key: string) {
  const { Item } = await dynamo.client.send(
    new GetCommand({ TableName: tableName, Key: { pk: `ALERT#${key}`, sk: 'ALERT' } }),
  );
  return Item;
}

async function lastAlertKeys(serviceId: string) {
  const record = (await registry.listServices({ includeRetired: true })).find((r) => r.service.id === serviceId);
  return record?.lastAlertKeys;
}

describe('claimAlert', () => {
  it('claims a key once: a second claim of the same key returns false and keeps the first entry', async () => {
    // Prepare
    const first = ledgerEntry(alert('live-rtc'), { cycleId: 'cycle-1' });

    // Act
    const claimedFirst = await registry.claimAlert(first);
    const claimedAgain = await registry.claimAlert({ ...first, cycleId: 'cycle-2', claimedAt: LATER });

    // Assess
    expect(claimedFirst).toBe(true);
    expect(claimedAgain).toBe(false);
    expect(await registry.getAlert(first.alert.key)).toEqual(first);
  });

  it('lets exactly one of 20 concurrent claims of one key win', async () => {
    // Prepare
    const contested = alert('live-rtc');

    // Act
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registry.claimAlert(ledgerEntry(contested, { cycleId: `cycle-${i}` }))),
    );

    // Assess
    expect(results.filter((won) => won)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect((await registry.getAlert(contested.key))?.cycleId).toBe(`cycle-${winner}`);
  });

  it('records the claimed key in the service lastAlertKeys under its kind', async () => {
    // Prepare
    const expiry = alert('live-rtc', { tier: 7 });
    const balance = alert('live-rtc', { kind: 'balance', key: 'live-rtc:balance:2026-09-30', severity: 'warning' });

    // Act
    await registry.claimAlert(ledgerEntry(expiry));
    await registry.claimAlert(ledgerEntry(balance));
    await registry.claimAlert(ledgerEntry(alert('live-rtc', { tier: 1 })));

    // Assess
    expect(await lastAlertKeys('live-rtc')).toEqual({
      expiry: 'live-rtc:expiry:2026-10-09:1',
      balance: 'live-rtc:balance:2026-09-30',
    });
    expect(await lastAlertKeys('chat-im')).toEqual({});
  });

  it('records the key in lastAlertKeys also when the key had been claimed before', async () => {
    // Prepare: a claim whose lastAlertKeys step was lost (the process stopped between the two writes)
    const claimed = alert('live-rtc');
    await registry.claimAlert(ledgerEntry(claimed));
    await dynamo.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'SERVICE', sk: 'live-rtc' },
        UpdateExpression: 'SET lastAlertKeys = :empty',
        ExpressionAttributeValues: { ':empty': {} },
      }),
    );

    // Act
    const claimedAgain = await registry.claimAlert(ledgerEntry(claimed, { cycleId: 'cycle-2' }));

    // Assess
    expect(claimedAgain).toBe(false);
    expect(await lastAlertKeys('live-rtc')).toEqual({ expiry: claimed.key });
  });

  it('creates lastAlertKeys on a service item written before the map existed', async () => {
    // Prepare
    await dynamo.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'SERVICE', sk: 'live-rtc' },
        UpdateExpression: 'REMOVE lastAlertKeys',
      }),
    );
    const claimed = alert('live-rtc');

    // Act
    await registry.claimAlert(ledgerEntry(claimed));

    // Assess
    expect(await lastAlertKeys('live-rtc')).toEqual({ expiry: claimed.key });
  });

  it('claims an alert about no service, or an unknown one, without creating service items', async () => {
    // Prepare
    const blindSpot = alert('x', {
      key: 'agora-main:blind-spot:2026-09-30',
      kind: 'blind-spot',
      serviceId: undefined,
      accountId: 'agora-main',
    });
    const unknown = alert('not-declared');

    // Act
    const results = [
      await registry.claimAlert(ledgerEntry(blindSpot)),
      await registry.claimAlert(ledgerEntry(unknown)),
    ];

    // Assess
    expect(results).toEqual([true, true]);
    expect((await registry.listServices({ includeRetired: true })).map((r) => r.service.id)).toEqual([
      'chat-im',
      'live-rtc',
    ]);
    expect(await registry.getAlert(blindSpot.key)).toEqual(ledgerEntry(blindSpot));
  });

  it('lets DynamoDB TTL drop a ledger entry 400 days after its claim', async () => {
    await registry.claimAlert(ledgerEntry(alert('live-rtc'), { claimedAt: '2026-09-30T01:30:00.000Z' }));

    const item = await rawLedgerItem(alert('live-rtc').key);
    expect(item?.expiresAt).toBe(Date.parse('2027-11-04T01:30:00.000Z') / 1000);
  });

  it('rejects a claimedAt that is not an instant', async () => {
    await expect(registry.claimAlert(ledgerEntry(alert('live-rtc'), { claimedAt: 'yesterday' }))).rejects.toThrow(
      new TypeError('claimAlert: claimedAt "yesterday" is not an ISO-8601 instant'),
    );
  });
});

describe('getAlert', () => {
  it('returns undefined for a key that was never claimed', async () => {
    expect(await registry.getAlert('live-rtc:expiry:2026-10-09:30')).toBeUndefined();
  });
});

describe('outbox', () => {
  it('lists entries that still owe a delivery, oldest claim first', async () => {
    // Prepare
    const newer = ledgerEntry(alert('live-rtc'), { claimedAt: '2026-09-30T02:00:00.000Z' });
    const older = ledgerEntry(alert('chat-im'), { claimedAt: '2026-09-30T09:00:00.000+08:00' });
    const done = ledgerEntry(alert('live-rtc', { tier: 1 }), { pendingTargets: [], deliveredTargets: ['sns'] });
    for (const entry of [newer, older, done]) await registry.claimAlert(entry);

    // Act
    const outbox = await registry.listOutbox();

    // Assess
    expect(outbox).toEqual([older, newer]);
  });

  it('keeps an entry in the outbox until its last target is delivered, then drops its index key', async () => {
    // Prepare
    const entry = ledgerEntry(alert('live-rtc'), { pendingTargets: ['sns', 'eventbridge'] });
    await registry.claimAlert(entry);

    // Act
    await registry.markDelivered(entry.alert.key, { targets: ['sns'], at: NOW, settles: false });
    const afterFirst = await registry.listOutbox();
    await registry.markDelivered(entry.alert.key, { targets: ['eventbridge'], at: LATER, settles: true });

    // Assess
    expect(afterFirst).toEqual([{ ...entry, pendingTargets: ['eventbridge'], deliveredTargets: ['sns'] }]);
    expect(await registry.listOutbox()).toEqual([]);
    expect(await registry.getAlert(entry.alert.key)).toEqual({
      ...entry,
      pendingTargets: [],
      deliveredTargets: ['sns', 'eventbridge'],
    });
    const item = await rawLedgerItem(entry.alert.key);
    expect(item).not.toHaveProperty('outboxPk');
    expect(item?.deliveredAt).toEqual({ sns: NOW, eventbridge: LATER });
    const { Count } = await dynamo.client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'outbox',
        KeyConditionExpression: 'outboxPk = :p',
        ExpressionAttributeValues: { ':p': 'PENDING' },
      }),
    );
    expect(Count).toBe(0);
  });

  it('records a target delivered twice once', async () => {
    // Prepare
    const entry = ledgerEntry(alert('live-rtc'), { pendingTargets: ['sns', 'eventbridge'] });
    await registry.claimAlert(entry);

    // Act
    await registry.markDelivered(entry.alert.key, { targets: ['sns'], at: NOW, settles: false });
    await registry.markDelivered(entry.alert.key, { targets: ['sns'], at: LATER, settles: false });

    // Assess
    expect(await registry.getAlert(entry.alert.key)).toEqual({
      ...entry,
      pendingTargets: ['eventbridge'],
      deliveredTargets: ['sns'],
    });
    expect((await rawLedgerItem(entry.alert.key))?.deliveredAt).toEqual({ sns: NOW });
  });

  it('loses no target when targets of one alert are recorded at the same time, each in one write', async () => {
    // Prepare
    const targets = ['sns', 'eventbridge', 'channel:ops', 'channel:dingtalk', 'channel:pagerduty', 'channel:teams'];
    const entry = ledgerEntry(alert('live-rtc'), { pendingTargets: targets });
    await registry.claimAlert(entry);
    const send = jest.spyOn(dynamo.client, 'send');

    // Act
    await Promise.all(
      targets.map((target) => registry.markDelivered(entry.alert.key, { targets: [target], at: NOW, settles: false })),
    );

    // Assess: one UpdateItem per record, no reads
    expect(send.mock.calls.map(([command]) => command.constructor.name)).toEqual(targets.map(() => 'UpdateCommand'));
    const stored = await registry.getAlert(entry.alert.key);
    expect(stored?.pendingTargets).toEqual([]);
    expect([...(stored?.deliveredTargets ?? [])].sort()).toEqual([...targets].sort());
  });

  it('settles an entry left in the outbox owing nothing with one write that names no target', async () => {
    // Prepare: its targets were recorded apart, none of them settling it
    const entry = ledgerEntry(alert('live-rtc'), { pendingTargets: ['sns'] });
    await registry.claimAlert(entry);
    await registry.markDelivered(entry.alert.key, { targets: ['sns'], at: NOW, settles: false });
    const [left] = await registry.listOutbox();

    // Act
    await registry.markDelivered(entry.alert.key, { targets: [], at: LATER, settles: true });

    // Assess
    expect(left?.pendingTargets).toEqual([]);
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('reads and records on a ledger item written before the target sets (lists and a version)', async () => {
    // Prepare: the old layout, as the read-then-write recorder left it after delivering to sns
    const entry = ledgerEntry(alert('live-rtc'), { pendingTargets: ['sns', 'eventbridge'] });
    await registry.claimAlert(entry);
    await dynamo.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `ALERT#${entry.alert.key}`, sk: 'ALERT' },
        UpdateExpression: 'SET #pt = :p, #dt = :d, #v = :v REMOVE #pending',
        ExpressionAttributeNames: {
          '#pt': 'pendingTargets',
          '#dt': 'deliveredTargets',
          '#v': 'version',
          '#pending': 'pending',
        },
        ExpressionAttributeValues: { ':p': ['eventbridge'], ':d': ['sns'], ':v': 1 },
      }),
    );
    const before = await registry.listOutbox();

    // Act
    await registry.markDelivered(entry.alert.key, { targets: ['eventbridge'], at: LATER, settles: true });

    // Assess
    expect(before).toEqual([{ ...entry, pendingTargets: ['eventbridge'], deliveredTargets: ['sns'] }]);
    expect(await registry.listOutbox()).toEqual([]);
    expect(await registry.getAlert(entry.alert.key)).toEqual({
      ...entry,
      pendingTargets: [],
      deliveredTargets: ['sns', 'eventbridge'],
    });
  });

  it('refuses to mark a delivery for a key that was never claimed, naming table and key', async () => {
    const marking = registry.markDelivered('live-rtc:expiry:2026-10-09:30', {
      targets: ['sns'],
      at: NOW,
      settles: true,
    });

    await expect(marking).rejects.toThrow(
      new RegistryError(
        `registry table "${tableName}": markDelivered failed: no ledger entry for alert key "live-rtc:expiry:2026-10-09:30"`,
        { retryable: false },
      ),
    );
    await expect(marking).rejects.toMatchObject({ name: 'RegistryError', retryable: false });
  });
});
