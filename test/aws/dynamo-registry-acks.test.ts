import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { Acknowledgement } from '../../lambda/core/ack';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());
afterEach(() => jest.restoreAllMocks());

const KEY = 'live-rtc:expiry:2026-10-09:7';
const AT = '2026-09-30T01:30:00.000Z';

async function registry() {
  return new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
}

function ack(overrides: Partial<Acknowledgement> = {}): Acknowledgement {
  return { key: KEY, by: 'alice', at: AT, ...overrides };
}

describe('acknowledgements in the registry', () => {
  it('records an acknowledgement as one ACK#<key> item with a TTL 400 days after it', async () => {
    // Prepare
    const r = await registry();

    // Act
    const outcome = await r.acknowledge(ack());

    // Assess
    expect(outcome).toBe('recorded');
    const { Item } = await dynamo.client.send(
      new GetCommand({ TableName: r.tableName, Key: { pk: `ACK#${KEY}`, sk: 'ACK' } }),
    );
    expect(Item).toEqual({
      pk: `ACK#${KEY}`,
      sk: 'ACK',
      alertKey: KEY,
      by: 'alice',
      at: AT,
      expiresAt: Date.parse(AT) / 1000 + 400 * 86_400,
    });
    expect(await r.getAcknowledgement(KEY)).toEqual(ack());
  });

  it('answers a replay with "already" and keeps the first record', async () => {
    const r = await registry();
    await r.acknowledge(ack());

    const replay = await r.acknowledge(ack({ by: 'bob', at: '2026-09-30T02:00:00.000Z' }));

    expect(replay).toBe('already');
    expect(await r.getAcknowledgement(KEY)).toEqual(ack());
  });

  it('stores instants in one UTC shape, whatever offset they came with', async () => {
    const r = await registry();

    await r.acknowledge(ack({ at: '2026-09-30T09:30:00+08:00', until: '2026-10-03T09:30:00+08:00' }));

    expect(await r.getAcknowledgement(KEY)).toEqual(ack({ until: '2026-10-03T01:30:00.000Z' }));
  });

  it('lets an acknowledgement replace a snooze, but not a snooze replace an acknowledgement', async () => {
    const r = await registry();
    await r.acknowledge(ack({ by: 'link', until: '2026-10-03T01:30:00.000Z' }));

    const acknowledged = await r.acknowledge(ack({ at: '2026-10-01T01:30:00.000Z' }));
    const snoozedAgain = await r.acknowledge(ack({ by: 'link', until: '2026-12-01T01:30:00.000Z' }));

    expect([acknowledged, snoozedAgain]).toEqual(['recorded', 'already']);
    expect(await r.getAcknowledgement(KEY)).toEqual(ack({ at: '2026-10-01T01:30:00.000Z' }));
  });

  it('lets a snooze that ends later extend one that ends sooner, and not the other way round', async () => {
    const r = await registry();
    await r.acknowledge(ack({ until: '2026-10-03T01:30:00.000Z' }));

    const later = await r.acknowledge(ack({ at: '2026-10-02T01:30:00.000Z', until: '2026-10-05T01:30:00.000Z' }));
    const sooner = await r.acknowledge(ack({ at: '2026-10-02T02:30:00.000Z', until: '2026-10-04T01:30:00.000Z' }));

    expect([later, sooner]).toEqual(['recorded', 'already']);
    expect(await r.getAcknowledgement(KEY)).toEqual(
      ack({ at: '2026-10-02T01:30:00.000Z', until: '2026-10-05T01:30:00.000Z' }),
    );
  });

  it('keeps a snooze item until 400 days after the snooze ends', async () => {
    const r = await registry();
    const until = '2026-12-29T01:30:00.000Z';

    await r.acknowledge(ack({ until }));

    const { Item } = await dynamo.client.send(
      new GetCommand({ TableName: r.tableName, Key: { pk: `ACK#${KEY}`, sk: 'ACK' } }),
    );
    expect(Item?.expiresAt).toBe(Date.parse(until) / 1000 + 400 * 86_400);
  });

  it('records exactly one of ten concurrent acknowledgements of one key', async () => {
    const r = await registry();

    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => r.acknowledge(ack({ by: `user-${i}` }))));

    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1);
    const winner = outcomes.indexOf('recorded');
    expect((await r.getAcknowledgement(KEY))?.by).toBe(`user-${winner}`);
  });

  it('keeps acknowledgements of different tiers apart: the next tier is not covered', async () => {
    const r = await registry();
    await r.acknowledge(ack());

    expect(await r.getAcknowledgement('live-rtc:expiry:2026-10-09:1')).toBeUndefined();
    expect(await r.getAcknowledgement('live-rtc:expiry:2026-11-09:7')).toBeUndefined();
  });

  it('reads many keys at once, 100 to a request, skipping duplicates and keys never acknowledged', async () => {
    // Prepare: 150 acknowledged keys, asked for with duplicates and 20 unknown keys
    const r = await registry();
    const keys = Array.from({ length: 150 }, (_, i) => `svc-${String(i).padStart(3, '0')}:expiry:2026-10-09:7`);
    await Promise.all(keys.map((key) => r.acknowledge(ack({ key }))));
    const asked = [...keys, ...keys.slice(0, 10), ...Array.from({ length: 20 }, (_, i) => `unknown-${i}:expiry:x:1`)];
    let requests = 0;
    const counting = new DynamoRegistry({
      tableName: r.tableName,
      client: Object.create(dynamo.client, { send: { value: (c: never) => (requests++, dynamo.client.send(c)) } }),
    });

    // Act
    const found = await counting.getAcknowledgements(asked);

    // Assess: 170 distinct keys → two requests
    expect(requests).toBe(2);
    expect(found.map((a) => a.key).sort()).toEqual(keys);
  });

  it('asks again for keys DynamoDB leaves unprocessed', async () => {
    const r = await registry();
    await r.acknowledge(ack());
    await r.acknowledge(ack({ key: 'voice-room:expiry:2026-10-20:7' }));
    const send = dynamo.client.send.bind(dynamo.client);
    let calls = 0;
    jest.spyOn(dynamo.client, 'send').mockImplementation((command) => {
      calls++;
      if (calls > 1) return send(command);
      // first answer: one item served, the other left unprocessed
      return Promise.resolve({
        $metadata: {},
        Responses: { [r.tableName]: [{ pk: `ACK#${KEY}`, sk: 'ACK', alertKey: KEY, by: 'alice', at: AT }] },
        UnprocessedKeys: { [r.tableName]: { Keys: [{ pk: 'ACK#voice-room:expiry:2026-10-20:7', sk: 'ACK' }] } },
      });
    });

    const found = await r.getAcknowledgements([KEY, 'voice-room:expiry:2026-10-20:7']);

    expect(calls).toBe(2);
    expect(found).toEqual([ack(), ack({ key: 'voice-room:expiry:2026-10-20:7' })]);
  });

  it('answers an empty list without a request', async () => {
    const r = await registry();
    const send = jest.spyOn(dynamo.client, 'send');

    expect(await r.getAcknowledgements([])).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('rejects an entry whose instants are not instants, before writing anything', async () => {
    const r = await registry();

    await expect(r.acknowledge(ack({ at: 'yesterday', until: 'soon' }))).rejects.toThrow(
      'acknowledge: at "yesterday" is not an ISO-8601 instant; until "soon" is not an ISO-8601 instant',
    );
    expect(await r.getAcknowledgement(KEY)).toBeUndefined();
  });

  it.each([
    ['acknowledge (PutItem)', (r: DynamoRegistry) => r.acknowledge(ack())],
    ['getAcknowledgement (GetItem)', (r: DynamoRegistry) => r.getAcknowledgement(KEY)],
    ['getAcknowledgements (BatchGetItem)', (r: DynamoRegistry) => r.getAcknowledgements([KEY])],
  ])('reports throttling in %s as a retryable RegistryError naming the table', async (operation, act) => {
    const r = await registry();
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    jest.spyOn(dynamo.client, 'send').mockImplementation(() => Promise.reject(throttled));

    const result = act(r);

    await expect(result).rejects.toMatchObject({
      name: 'RegistryError',
      message: `registry table "${r.tableName}": ${operation} failed: ProvisionedThroughputExceededException: Rate exceeded`,
      retryable: true,
    });
  });
});
