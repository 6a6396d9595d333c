import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { ensureRegistryTable } from '../../lambda/aws/registry/table-definition';
import { snsPublications } from '../../lambda/aws/sns-alert-publisher';
import { localDocumentClient, startDynaliteServer, type DynaliteServer } from '../../lambda/cli/embedded-store';
import { WorkingCalendar } from '../../lambda/core/calendar/working-calendar';
import { loadConfig } from '../../lambda/core/config';
import { DYNAMODB_ITEM_LIMIT_BYTES, SNS_MESSAGE_LIMIT_BYTES, TEXT_LIMITS } from '../../lambda/core/config/text-limits';
import type { GuardConfig } from '../../lambda/core/model';
import { expiryRemindersBetween, indexChannels } from '../../lambda/core/reminders';
import { fakeCalendar } from '../core/config/fake-calendar';

/** A character UTF-8 spends 4 bytes on (U+20000, a CJK ideograph): the worst case for every cap. */
const WIDE = '\u{20000}';
const id = (prefix: string) => `${prefix}-${'x'.repeat(64 - prefix.length - 1)}`;

/** The largest service validation lets through: every text at its cap in 4-byte characters, every list full. */
function largestDocument(): unknown {
  const channels = Array.from({ length: TEXT_LIMITS.channels }, (_, i) => ({
    id: `${String(i).padStart(3, '0')}-${'c'.repeat(60)}`,
    type: 'email',
    to: ['ops@example.com'],
  }));
  return {
    version: 1,
    calendar: 'weekends',
    accounts: [{ id: id('acct'), vendor: 'manual' }],
    services: [
      {
        id: id('svc'),
        name: WIDE.repeat(TEXT_LIMITS.name),
        project: WIDE.repeat(TEXT_LIMITS.project),
        account: id('acct'),
        entitlement: WIDE.repeat(TEXT_LIMITS.entitlement),
        kind: 'subscription',
        expiresOn: '2026-10-09',
        startsOn: '2016-10-09',
        ownersConfirmedOn: '2026-01-01',
        autoRenew: true,
        renewalPrice: { amount: 123456789.123456, currency: 'USD' },
        replacedBy: id('next'),
        // every tier there is: 0 to 3650 days
        reminderDays: Array.from({ length: 3651 }, (_, d) => d),
        owners: Array.from({ length: TEXT_LIMITS.owners }, () => WIDE.repeat(TEXT_LIMITS.owner)),
      },
      {
        id: id('next'),
        name: 'Successor',
        project: 'p',
        kind: 'subscription',
        expiresOn: '2027-10-09',
        owners: ['bob@example.com'],
      },
    ],
    channels,
  };
}

function largestConfig(): GuardConfig {
  const result = loadConfig(JSON.stringify(largestDocument()), 'largest.json', fakeCalendar());
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.config;
}

describe('the largest service validation accepts fits where the guard keeps and sends it', () => {
  let server: DynaliteServer;
  let registry: DynamoRegistry;
  let client: ReturnType<typeof localDocumentClient>;

  beforeAll(async () => {
    server = await startDynaliteServer();
    client = localDocumentClient(server.endpoint);
    await ensureRegistryTable(client, 'fit');
    registry = new DynamoRegistry({ tableName: 'fit', client });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('is valid, with every cap reached', () => {
    const service = largestConfig().services[0]!;

    expect([...service.name].length).toBe(TEXT_LIMITS.name);
    expect(service.owners).toHaveLength(TEXT_LIMITS.owners);
    expect(service.channels).toHaveLength(TEXT_LIMITS.channels);
  });

  it('is written to the registry as one item (DynamoDB 400 KB), and an alert about it to the ledger', async () => {
    const config = largestConfig();
    const service = config.services[0]!;
    const ctx = { calendar: new WorkingCalendar(config.calendar), channels: indexChannels(config.channels) };
    const [alert] = expiryRemindersBetween(service, '2026-10-02', 1, ctx);

    await registry.syncDeclaredServices(config.services, '2026-10-02T01:30:00.000Z');
    const claimed = await registry.claimAlert({
      alert: alert!,
      cycleId: 'cycle-1',
      claimedAt: '2026-10-02T01:30:00.000Z',
      pendingTargets: ['sns', 'eventbridge'],
      deliveredTargets: [],
    });

    expect(claimed).toBe(true);
    const stored = await registry.listServices();
    expect(stored.find((r) => r.service.id === service.id)?.service).toEqual(service);
    expect(Buffer.byteLength(JSON.stringify(service))).toBeLessThan(DYNAMODB_ITEM_LIMIT_BYTES / 4);
  });

  it('would not fit without the caps: the emulated table refuses a 450 KB item as DynamoDB does', async () => {
    const put = client.send(
      new PutCommand({ TableName: 'fit', Item: { pk: 'SERVICE', sk: 'too-big', name: 'x'.repeat(450_000) } }),
    );

    await expect(put).rejects.toThrow(/Item size has exceeded the maximum allowed size/);
  });

  it('is published about in SNS messages within 256 KB each', () => {
    const config = largestConfig();
    const service = config.services[0]!;
    const ctx = { calendar: new WorkingCalendar(config.calendar), channels: indexChannels(config.channels) };
    const [alert] = expiryRemindersBetween(service, '2026-10-02', 1, ctx);

    const publications = snsPublications(alert!, undefined, config);

    expect(publications.length).toBeGreaterThan(0);
    for (const p of publications) {
      const size =
        Buffer.byteLength(p.Message) +
        Buffer.byteLength(p.Subject) +
        Object.entries(p.MessageAttributes).reduce(
          (sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v.StringValue ?? '') + 16,
          0,
        );
      expect(size).toBeLessThanOrEqual(SNS_MESSAGE_LIMIT_BYTES);
    }
  });
});
