/**
 * The malformed-payload corpus (issue 7, "Bad input"): every vendor answer in test/vendors/malformed/
 * is served over loopback HTTP and read by its adapter through the real ResilientHttp, as a cycle
 * reads it. Each must end in a VendorError naming the vendor, the account, the call and the place —
 * never a crash, never a snapshot with a silent zero, never a credential or a signature.
 */
import { CLOUD_VENDOR_CASES } from './malformed/cloud-vendor-cases';
import type { MalformedCase } from './malformed/malformed-case';
import { startPayloadServer, type PayloadServer, type RecordedRequest } from './malformed/payload-server';
import { USAGE_VENDOR_CASES } from './malformed/usage-vendor-cases';
import { SETUPS, TWILIO_SID } from './malformed/vendor-setups';
import { MapSecrets, NOW } from './support/sandbox-harness';
import { VirtualTime } from './support/virtual-time';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { AccountConfig, Vendor } from '../../lambda/core/model';
import { defaultVendorAdapters, ResilientHttp, VendorError } from '../../lambda/vendors';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const CASES: readonly MalformedCase[] = [...USAGE_VENDOR_CASES, ...CLOUD_VENDOR_CASES];

let server: PayloadServer;
beforeAll(async () => (server = await startPayloadServer()));
afterAll(() => server.stop());

function client(time: VirtualTime): ResilientHttp {
  return new ResilientHttp({
    fetch: time.track((input, init) => fetch(input, init)),
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    timeoutMs: 5_000,
  });
}

/** Labels of what a text must not hold: the secret's fields, and what the requests carried as credentials. */
function credentialsIn(secret: Readonly<Record<string, string>>, requests: readonly RecordedRequest[]) {
  const found: { label: string; value: string }[] = Object.entries(secret).map(([k, v]) => ({ label: k, value: v }));
  for (const r of requests) {
    const auth = r.headers.authorization;
    if (auth) {
      found.push({ label: 'authorization header', value: auth });
      for (const m of auth.matchAll(/Signature=([0-9a-fA-F]{16,})/g)) found.push({ label: 'signature', value: m[1]! });
      const basic = /^Basic (\S+)$/.exec(auth);
      if (basic) found.push({ label: 'basic token', value: basic[1]! });
    }
    const signature = new URL(r.url, 'http://x').searchParams.get('Signature');
    if (signature) found.push({ label: 'query signature', value: signature });
  }
  return found;
}

describe('a malformed vendor answer', () => {
  it('has a corpus of at least 40 answers covering every polled vendor', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.vendor))).toEqual(
      new Set<Vendor>(['agora', 'tencent', 'alibaba', 'twilio', 'huawei', 'vonage', 'http-json']),
    );
  });

  it.each(CASES.map((c) => [`${c.vendor}: ${c.name}`, c] as const))(
    'ends in a VendorError naming the place: %s',
    async (_title, c) => {
      // Prepare
      const setup = SETUPS[c.vendor as Exclude<Vendor, 'manual'>];
      server.serve({ ...setup.valid, ...c.script });
      const account: AccountConfig = {
        id: `${c.vendor}-acct`,
        vendor: c.vendor,
        credentials: `rg/${c.vendor}`,
        endpoint: server.endpoint,
        options: { ...setup.options, ...c.options },
      };
      const ctx = {
        now: new Date(NOW),
        secrets: new MapSecrets({ [`rg/${c.vendor}`]: setup.secret }),
        http: client(new VirtualTime(NOW)),
      };

      // Act
      const outcome = await setup.adapter.poll(account, ctx).then(
        (snapshot) => ({ snapshot }),
        (error: unknown) => ({ error }),
      );

      // Assess
      if (!('error' in outcome)) {
        throw new Error(`expected a VendorError, got a snapshot: ${JSON.stringify(outcome.snapshot)}`);
      }
      const error = outcome.error;
      if (!(error instanceof VendorError)) throw new Error(`expected a VendorError, got ${String(error)}`);
      expect(error.message).toContain(`${c.vendor} account ${c.vendor}-acct: ${c.operation} failed after`);
      expect(error.message).toContain(c.place);
      expect(error.retryable).toBe(false);
      const text = [error.message, JSON.stringify({ ...error }), String(error.cause ?? '')].join('\n');
      const leaked = credentialsIn(setup.secret, server.requests).filter((s) => text.includes(s.value));
      expect(leaked.map((s) => s.label)).toEqual([]);
    },
  );
});

describe('a cycle with one account answering malformed', () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => (dynamo = await startDynalite()));
  afterAll(() => dynamo.stop());

  it('reports that account failed with the place, writes nothing of it half-way, and completes the others', async () => {
    // Prepare: a good first cycle, then Twilio's usage page turns malformed after its balance was read
    const config = guardConfig({
      accounts: [
        { id: 'twilio-main', vendor: 'twilio', credentials: 'rg/twilio', endpoint: server.endpoint },
        { id: 'vonage-main', vendor: 'vonage', credentials: 'rg/vonage', endpoint: server.endpoint },
        { id: 'contracts', vendor: 'manual' },
      ],
    });
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(config.services, '2026-09-01T00:00:00Z');
    const secrets = new MapSecrets({
      'rg/twilio': SETUPS.twilio.secret,
      'rg/vonage': { apiKey: 'vonKEYm4lf', apiSecret: 'vonageSECRETm4lf' },
    });
    const deps = (now: string) => ({
      registry,
      vendors: defaultVendorAdapters(),
      secrets,
      http: client(new VirtualTime(now)),
      publishers: [],
    });
    const day1 = '2026-09-29T01:30:00.000Z';
    server.serve({ ...SETUPS.twilio.valid, ...SETUPS.vonage.valid });
    const first = await runCycle(config, deps(day1), new Date(day1), 'cycle-1');
    expect(first.accounts.map((a) => [a.id, a.status])).toEqual([
      ['twilio-main', 'ok'],
      ['vonage-main', 'ok'],
      ['contracts', 'ok'],
    ]);
    const snapshotsBefore = await registry.listSnapshots('twilio-main', '2026-01-01');
    const stateBefore = (await registry.listAccountStates()).find((s) => s.accountId === 'twilio-main')!;
    server.serve({
      ...SETUPS.twilio.valid,
      ...SETUPS.vonage.valid,
      '/Usage/Records/Daily.json': { body: { usage_records: [{ start_date: '2026-09-29', price: 'abc' }] } },
      '/account/get-balance': { body: { value: 9.5, autoReload: false } },
    });

    // Act
    const day2 = NOW;
    const report = await runCycle(config, deps(day2), new Date(day2), 'cycle-2');

    // Assess: the failed account with its reason, the others done
    const reason =
      'twilio account twilio-main: GET /Usage/Records/Daily.json failed after 1 attempt: HTTP 200: ' +
      'usage_records[0].price is not a decimal number (got a string that is not one)';
    expect(report.accounts.map((a) => ({ id: a.id, status: a.status, error: a.error }))).toEqual([
      { id: 'twilio-main', status: 'failed', error: reason },
      { id: 'vonage-main', status: 'ok', error: undefined },
      { id: 'contracts', status: 'ok', error: undefined },
    ]);
    // Nothing of the half-read Twilio answer (its balance was fine) is kept: no snapshot, no balance point
    expect(await registry.listSnapshots('twilio-main', '2026-01-01')).toEqual(snapshotsBefore);
    const stateAfter = (await registry.listAccountStates()).find((s) => s.accountId === 'twilio-main')!;
    expect(stateAfter).toEqual({
      ...stateBefore,
      consecutiveFailures: 1,
      failingSince: day2,
      lastError: reason,
    });
    const vonage = await registry.listSnapshots('vonage-main', '2026-01-01');
    expect(vonage.map((s) => [s.takenAt, s.balance?.amount])).toEqual([
      [day1, 10.28],
      [day2, 9.5],
    ]);
    expect(JSON.stringify(report)).not.toContain(TWILIO_SID.slice(2));
  });
});
