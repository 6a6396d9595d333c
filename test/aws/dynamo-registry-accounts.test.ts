import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { AccountState } from '../../lambda/core/accounts';
import type { AccountSnapshot } from '../../lambda/core/vendor-port';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

async function registry() {
  return new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
}

function state(accountId: string, overrides: Partial<AccountState> = {}): AccountState {
  return {
    accountId,
    consecutiveFailures: 0,
    history: [{ date: '2026-09-30', balance: 812.5 }],
    currency: 'USD',
    ...overrides,
  };
}

function snapshot(accountId: string, takenAt: string): AccountSnapshot {
  return {
    accountId,
    vendor: 'twilio',
    takenAt,
    balance: { amount: 812.5, currency: 'USD', exact: '812.50' },
    entitlements: [],
    raw: { balance: { balance: '812.50' } },
  };
}

describe('account states in the registry', () => {
  it('round-trips every account in one partition, last write winning', async () => {
    const r = await registry();
    await r.saveAccountStates([
      state('a'),
      state('b', { consecutiveFailures: 2, failingSince: '2026-09-29T01:30:00.000Z' }),
    ]);
    await r.saveAccountStates([state('a', { lowBalanceSince: '2026-09-30' })]);

    const states = await r.listAccountStates();

    expect(states).toEqual([
      state('a', { lowBalanceSince: '2026-09-30' }),
      state('b', { consecutiveFailures: 2, failingSince: '2026-09-29T01:30:00.000Z' }),
    ]);
  });

  it('writes 60 states in batches of 25 and reads them back', async () => {
    const r = await registry();
    const many = Array.from({ length: 60 }, (_, i) => state(`acct-${String(i).padStart(2, '0')}`));
    let requests = 0;
    const counting = new DynamoRegistry({
      tableName: r.tableName,
      client: Object.create(dynamo.client, { send: { value: (c: never) => (requests++, dynamo.client.send(c)) } }),
    });

    await counting.saveAccountStates(many);

    expect(requests).toBe(3);
    expect((await r.listAccountStates()).map((s) => s.accountId)).toEqual(many.map((s) => s.accountId));
  });

  it('writes nothing for an empty list', async () => {
    const r = await registry();
    await expect(r.saveAccountStates([])).resolves.toBeUndefined();
    expect(await r.listAccountStates()).toEqual([]);
  });
});

describe('account snapshots in the registry', () => {
  it('keeps snapshots without the raw answers, with a TTL, listed from a given instant', async () => {
    const r = await registry();
    await r.saveSnapshots([snapshot('a', '2026-09-28T01:30:00.000Z'), snapshot('a', '2026-09-30T01:30:00.000Z')]);

    const listed = await r.listSnapshots('a', '2026-09-29T00:00:00.000Z');

    const { raw: _raw, ...withoutRaw } = snapshot('a', '2026-09-30T01:30:00.000Z');
    expect(listed).toEqual([withoutRaw]);
    const item = await dynamo.client.send(
      new GetCommand({
        TableName: r.tableName,
        Key: { pk: 'SNAPSHOT#a', sk: '2026-09-30T01:30:00.000Z' },
      }),
    );
    expect(item.Item?.expiresAt).toBe(Date.parse('2026-09-30T01:30:00.000Z') / 1000 + 90 * 86_400);
  });

  it("keeps the account's daily spend but not each app's share, which grows with the apps", async () => {
    const r = await registry();
    const dailySpend = [{ date: '2026-09-29', amount: 1200, unit: 'minutes' }];
    const scopedUsage = Array.from({ length: 200 }, (_, i) => ({
      date: '2026-09-29',
      amount: 6,
      unit: 'minutes',
      scope: `app-${i}`,
    }));
    await r.saveSnapshots([{ ...snapshot('a', '2026-09-30T01:30:00.000Z'), dailySpend, scopedUsage }]);

    const [stored] = await r.listSnapshots('a', '2026-09-30T00:00:00.000Z');

    expect(stored?.dailySpend).toEqual(dailySpend);
    expect(stored).not.toHaveProperty('scopedUsage');
  });
});
