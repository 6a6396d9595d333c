/**
 * Every fault the vendor sandbox can inject, on one account (Agora) while Twilio, Vonage and a manual
 * account answer normally: the healthy accounts' alerts and the services' reminders go out once per
 * target, a passing fault is retried away, and a lasting one is reported with the vendor's reason and
 * raises one blind-spot alert from the second failed cycle on — never a second one.
 */
import { guardConfig, RecordingPublisher } from '../app/cycle-fixtures';
import { claimedKeys, countDeliveries, DAY_MS, freshRegistry, onceEach } from './support/delivery-count';
import { runCycle, type CycleReport } from '../../lambda/app/run-cycle';
import {
  demoAccounts,
  demoFixtures,
  startVendorSandbox,
  type SandboxFault,
  type VendorSandbox,
} from '../../lambda/sandbox';
import { defaultVendorAdapters, ResilientHttp } from '../../lambda/vendors';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { MapSecrets } from '../vendors/support/sandbox-harness';
import { VirtualTime } from '../vendors/support/virtual-time';

const SEP_30 = new Date('2026-09-30T09:30:00+08:00');
/** Per attempt; the latency faults below are set on either side of it. */
const TIMEOUT_MS = 60;
const TARGETS = ['sns', 'eventbridge'];

/**
 * What the healthy half of the world fires on 2026-09-30, whatever Agora does: the eve of National Day, so
 * live-app's readiness notice too (live-rtc expires 10-09, within 5 working days after the block).
 */
/** What the day's cycle sends whether or not Agora could be read. */
const ALERTS_BESIDE_AGORA = [
  '_guard:holiday-readiness:2026-10-01:live-app',
  'live-rtc:expiry:2026-10-09:7',
  'twilio-video:balance:2026-09-30:warning',
  'voice-room:expiry:2026-10-20:15',
  'vonage-video:balance:2026-09-30:warning',
];
/** Read, the Agora sandbox reports a plan no service of this story claims: a healthy cycle says so, once. */
const HEALTHY_ALERTS = [...ALERTS_BESIDE_AGORA, 'agora-main:not-in-inventory:prepaid-plan-pro.75ed3eb0'].sort();

let dynamo: LocalDynamo;
let sandbox: VendorSandbox;
let time: VirtualTime;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());
beforeEach(async () => {
  time = new VirtualTime(SEP_30.toISOString());
  sandbox = await startVendorSandbox({ fixtures: demoFixtures(SEP_30), clock: time.clock });
});
afterEach(() => sandbox.stop());

/** Three vendor accounts on the sandbox (low-balance policies on the healthy two) and a manual one. */
async function world() {
  const demo = demoAccounts(sandbox, SEP_30);
  const accounts = demo.accounts
    .filter((a) => ['agora', 'twilio', 'vonage'].includes(a.vendor))
    .map(({ options, ...account }) => ({
      ...account,
      ...options,
      ...(account.vendor === 'agora' ? {} : { balance: { minAmount: 1000 } }),
    }));
  const config = guardConfig({ accounts: [...accounts, { id: 'contracts', vendor: 'manual' }] });
  const registry = await freshRegistry(dynamo, config);
  const sns = new RecordingPublisher('sns');
  const bus = new RecordingPublisher('eventbridge');
  const http = new ResilientHttp({
    fetch: time.track((input, init) => fetch(input, init)),
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    timeoutMs: TIMEOUT_MS,
  });
  const deps = {
    registry,
    vendors: defaultVendorAdapters(),
    secrets: new MapSecrets(demo.secrets),
    http,
    publishers: [sns, bus],
  };
  /** The daily cycle `day` days after 2026-09-30, the sandbox's clock moved along with it. */
  const cycleOnDay = (day: number): Promise<CycleReport> => {
    time.advance(SEP_30.getTime() + day * DAY_MS - time.clock().getTime());
    return runCycle(config, deps, new Date(SEP_30.getTime() + day * DAY_MS), `cycle-day-${day}`);
  };
  const received = () => countDeliveries({ sns: sns.keys(), eventbridge: bus.keys() });
  return { registry, cycleOnDay, received };
}

const agora = (report: CycleReport) => {
  const { snapshot: _snapshot, balance: _balance, runwayDays: _runway, ...rest } = report.accounts[0];
  return rest;
};

describe('a vendor fault that passes within the retries', () => {
  it.each<[string, SandboxFault, string[]]>([
    ['latency below the timeout', { kind: 'latency', ms: TIMEOUT_MS / 2 }, []],
    ['a 429 with Retry-After, then success', { kind: 'throttle', times: 1, retryAfterSeconds: 2 }, ['throttle']],
    ['two 503s, then success', { kind: 'server-error', times: 2, status: 503 }, ['server-error', 'server-error']],
  ])('%s: every account is read and every alert goes out once per target', async (_name, fault, answered) => {
    // Prepare
    const { registry, cycleOnDay, received } = await world();
    sandbox.inject('agora', fault);

    // Act
    const report = await cycleOnDay(0);

    // Assess
    expect(report.accounts.map((a) => [a.id, a.status])).toEqual([
      ['agora-main', 'ok'],
      ['twilio-video', 'ok'],
      ['vonage-video', 'ok'],
      ['contracts', 'ok'],
    ]);
    expect(sandbox.requests('agora').flatMap((r) => (r.fault ? [r.fault] : []))).toEqual(answered);
    expect(claimedKeys([report])).toEqual(HEALTHY_ALERTS);
    expect(received()).toEqual(onceEach(HEALTHY_ALERTS, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  });
});

describe('a vendor fault that outlasts the retries', () => {
  it.each<[string, SandboxFault, string]>([
    [
      'latency above the timeout',
      { kind: 'latency', ms: TIMEOUT_MS * 2 },
      `GET /dev/v1/projects failed after 4 attempts: timed out after ${TIMEOUT_MS} ms`,
    ],
    ['a hang', { kind: 'hang' }, `GET /dev/v1/projects failed after 4 attempts: timed out after ${TIMEOUT_MS} ms`],
    [
      '429 on every attempt',
      { kind: 'throttle', times: 1000 },
      'GET /dev/v1/projects failed after 4 attempts: HTTP 429 (message: Too many requests)',
    ],
    [
      '5xx until the retries run out',
      { kind: 'server-error', times: 1000, status: 502 },
      'GET /dev/v1/projects failed after 4 attempts: HTTP 502',
    ],
    [
      'a malformed body (not retried)',
      { kind: 'malformed', times: 1000 },
      'GET /dev/v1/projects failed after 1 attempt: HTTP 201: the answer is not JSON',
    ],
    [
      'an auth failure (not retried)',
      { kind: 'auth-failure' },
      'GET /dev/v1/projects failed after 1 attempt: HTTP 401 (message: Invalid authentication credentials)',
    ],
  ])(
    '%s: the account is reported failed with its reason, others go out once, one blind spot',
    async (_n, fault, why) => {
      // Prepare
      const { registry, cycleOnDay, received } = await world();
      sandbox.inject('agora', fault);

      // Act: three daily cycles with Agora failing throughout
      const reports = [await cycleOnDay(0), await cycleOnDay(1), await cycleOnDay(2)];

      // Assess: the failure is named on every cycle, the other accounts are unaffected
      for (const report of reports) {
        expect(agora(report)).toEqual({
          id: 'agora-main',
          vendor: 'agora',
          status: 'failed',
          error: `agora account agora-main: ${why}`,
        });
        expect(report.accounts.slice(1).map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
      }
      // day 0's alerts are the others' (Agora unread, its plans unseen); the blind spot fires on the second
      // failed cycle, and only then
      expect(claimedKeys([reports[0]])).toEqual(ALERTS_BESIDE_AGORA);
      const blindSpots = claimedKeys(reports).filter((key) => key.includes(':blind-spot:'));
      expect(blindSpots).toEqual(['agora-main:blind-spot:2026-09-30T01:30:00.000Z']);
      expect(reports[1].alerts.map((a) => a.key)).toContain(blindSpots[0]);
      expect(reports[1].alerts.find((a) => a.kind === 'blind-spot')?.message).toContain(why);
      // the blind spot, a warning decided on 10-01 (National Day), waits in the outbox for the next working
      // day's check time, 10-08 09:30; that cycle delivers it
      expect(reports[1].held).toContainEqual({ key: blindSpots[0], notBefore: '2026-10-08T01:30:00.000Z' });
      const back = await cycleOnDay(8);
      // everything any cycle fired reached each target exactly once, and nothing is owed
      const fired = claimedKeys([...reports, back]);
      expect(new Set(fired).size).toBe(fired.length);
      expect(received()).toEqual(onceEach(fired, TARGETS));
      expect(await registry.listOutbox()).toEqual([]);
      expect((await registry.listAccountStates()).find((s) => s.accountId === 'agora-main')?.consecutiveFailures).toBe(
        4,
      );
    },
  );
});
