/**
 * Discovery against the vendor sandbox: an instance the Alibaba account reports that no service claims
 * raises one "not in the inventory" notice to the operators, with a service entry ready to paste; what
 * a service claims (by id, or by a `claims` pattern) raises nothing.
 */
import { loadGuardConfig } from '../../lambda/app/load-config';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { GuardConfig } from '../../lambda/core/model';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox';
import {
  alibabaDemoFixture,
  ALIBABA_DEMO_KEY_ID,
  ALIBABA_DEMO_KEY_SECRET,
} from '../../lambda/sandbox/vendors/alibaba-demo';
import { defaultVendorAdapters, ResilientHttp } from '../../lambda/vendors';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { MapSecrets } from '../vendors/support/sandbox-harness';

jest.setTimeout(60_000);

const NOW = new Date('2026-09-30T01:30:00Z'); // 09:30 in Shanghai, a Wednesday
let sandbox: VendorSandbox;
let dynamo: LocalDynamo;

beforeAll(async () => {
  const demo = alibabaDemoFixture(NOW);
  const forgotten = {
    ...demo.accounts[0]!.instances![0]!,
    InstanceID: 'rtc-cn-forgotten02',
    EndTime: '2026-11-14T16:00:00Z',
    RenewStatus: 'AutoRenewal',
  };
  sandbox = await startVendorSandbox({
    fixtures: {
      alibaba: { accounts: [{ ...demo.accounts[0]!, instances: [...demo.accounts[0]!.instances!, forgotten] }] },
    },
    clock: () => NOW,
  });
  dynamo = await startDynalite();
});
afterAll(async () => {
  await sandbox.stop();
  await dynamo.stop();
});

function config(): GuardConfig {
  const result = loadGuardConfig({
    document: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      checkTime: '09:30',
      calendar: 'weekends',
      accounts: [{ id: 'ali-cn', vendor: 'alibaba', credentials: 'rg/ali', endpoint: sandbox.endpoint('alibaba') }],
      services: [
        {
          id: 'live-rtc',
          name: 'Live app RTC',
          project: 'live-app',
          account: 'ali-cn',
          kind: 'subscription',
          expiresOn: '2026-11-10',
          owners: ['alice@example.com'],
          entitlement: 'rtc-cn-demo0live01',
        },
        {
          id: 'rtc-minutes',
          name: 'ARTC minutes plan',
          project: 'live-app',
          account: 'ali-cn',
          kind: 'package',
          expiresOn: '2027-03-14',
          owners: ['alice@example.com'],
          claims: ['RTCPKG-cn-*'],
        },
      ],
      channels: [
        { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'warning' },
        { id: 'pager', type: 'email', to: ['pager@example.com'], minSeverity: 'critical' },
      ],
    },
    today: '2026-09-30',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

async function cycle(registry: DynamoRegistry, guard: GuardConfig, id: string) {
  return runCycle(
    guard,
    {
      registry,
      vendors: defaultVendorAdapters(),
      secrets: new MapSecrets({
        'rg/ali': { accessKeyId: ALIBABA_DEMO_KEY_ID, accessKeySecret: ALIBABA_DEMO_KEY_SECRET },
      }),
      http: new ResilientHttp({ timeoutMs: 5_000, random: () => 0.5, clock: () => NOW, sleep: async () => {} }),
      publishers: [],
    },
    NOW,
    id,
  );
}

describe('an entitlement the vendor reports and no service claims', () => {
  it('raises one "not in the inventory" notice to the operators, with a ready-to-paste entry, once', async () => {
    // Prepare
    const guard = config();
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(guard.services, NOW.toISOString());

    // Act
    const first = await cycle(registry, guard, 'cycle-1');
    const second = await cycle(registry, guard, 'cycle-2');

    // Assess: only the forgotten instance; the claimed instance and the package (by pattern) are silent
    expect([first.accounts[0]!.status, first.accounts[0]!.error]).toEqual(['ok', undefined]);
    const notices = first.alerts.filter((a) => a.kind === 'not-in-inventory');
    expect(notices).toEqual([
      {
        key: 'ali-cn:not-in-inventory:rtc-cn-forgotten02',
        kind: 'not-in-inventory',
        severity: 'warning',
        accountId: 'ali-cn',
        date: '2026-09-30',
        expiresOn: '2026-11-14',
        owners: [],
        channels: ['ops'],
        message: expect.stringContaining(
          'Not in the inventory: alibaba account ali-cn reports "rtc rtc-cn-forgotten02" (rtc-cn-forgotten02), ' +
            'which expires on 2026-11-14, renews automatically, and no service claims it, so nothing watches it.',
        ),
      },
    ]);
    expect(notices[0]!.message).toContain(
      '- { id: rtc-cn-forgotten02, name: "rtc rtc-cn-forgotten02", project: live-app, account: ali-cn, ' +
        'kind: subscription, expiresOn: "2026-11-14", autoRenew: true, owners: [alice@example.com], ' +
        'entitlement: rtc-cn-forgotten02 }',
    );
    expect(first.notInInventory!.map((u) => u.entitlement.id)).toEqual(['rtc-cn-forgotten02']);
    // the same listing next cycle, but the notice is not sent again
    expect(second.notInInventory!.map((u) => u.entitlement.id)).toEqual(['rtc-cn-forgotten02']);
    expect(second.alerts.filter((a) => a.kind === 'not-in-inventory')).toEqual([]);
  });

  it('the suggested entry, pasted into the document, is valid and silences the notice', async () => {
    const guard = config();
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(guard.services, NOW.toISOString());
    const first = await cycle(registry, guard, 'cycle-1');
    const entry = first.notInInventory![0]!.entry;

    const pasted = loadGuardConfig({
      document: { ...configDocumentOf(guard), services: [...configDocumentOf(guard).services, entry] },
      today: '2026-09-30',
    });
    if (!pasted.ok) throw new Error(JSON.stringify(pasted.problems));
    await registry.syncDeclaredServices(pasted.config.services, NOW.toISOString());
    const after = await cycle(registry, pasted.config, 'cycle-2');

    expect(after.notInInventory).toEqual([]);
  });
});

/** The document `config()` validated, rebuilt from it (services as declared, channels as given). */
function configDocumentOf(guard: GuardConfig) {
  return {
    version: 1,
    timeZone: guard.timeZone,
    checkTime: guard.checkTime,
    calendar: 'weekends',
    accounts: guard.accounts.map((a) => ({
      id: a.id,
      vendor: a.vendor,
      credentials: a.credentials,
      endpoint: a.endpoint,
    })),
    services: guard.services.map(({ reminderDays: _r, channels: _c, ...s }) => s) as Record<string, unknown>[],
    channels: guard.channels.map((c) => ({ id: c.id, type: c.type, to: c.to, minSeverity: c.minSeverity })),
  };
}
