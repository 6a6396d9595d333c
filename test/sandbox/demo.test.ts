import { demoAccounts, demoFixtures, startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox';
import { defaultVendorAdapters, ResilientHttp } from '../../lambda/vendors';
import { MapSecrets } from '../vendors/support/sandbox-harness';
import { VirtualTime } from '../vendors/support/virtual-time';

const NOW = new Date('2026-09-30T01:30:00Z');
/** The vendors whose demo data this suite owns; others register their own demo accounts. */
const MINE = new Set(['agora', 'twilio', 'vonage', 'http-json']);
const mine = <T extends { vendor: string }>(list: readonly T[]) => list.filter((a) => MINE.has(a.vendor));

let sandbox: VendorSandbox;
let time: VirtualTime;
beforeEach(async () => {
  time = new VirtualTime(NOW.toISOString());
  sandbox = await startVendorSandbox({ fixtures: demoFixtures(NOW), clock: time.clock });
});
afterEach(() => sandbox.stop());

describe('the demo data', () => {
  it('gives every demo account an endpoint on the sandbox and a secret the sandbox accepts', () => {
    const { accounts, secrets } = demoAccounts(sandbox, NOW);

    expect(mine(accounts).map((a) => [a.id, a.vendor, a.credentials, a.endpoint])).toEqual([
      ['agora-main', 'agora', 'renewal-guard/agora-main', `${sandbox.url}/agora`],
      ['twilio-video', 'twilio', 'renewal-guard/twilio-video', `${sandbox.url}/twilio`],
      ['vonage-video', 'vonage', 'renewal-guard/vonage-video', `${sandbox.url}/vonage`],
    ]);
    expect(Object.keys(secrets).sort()).toEqual(accounts.map((a) => a.credentials).sort());
  });

  it('polls into realistic snapshots with the default adapters', async () => {
    const { accounts, secrets } = demoAccounts(sandbox, NOW);
    const vendors = defaultVendorAdapters();
    const http = new ResilientHttp({
      fetch: time.track((i, init) => fetch(i, init)),
      clock: time.clock,
      sleep: time.sleep,
    });
    const ctx = { now: NOW, secrets: new MapSecrets(secrets), http };

    const snapshots = await Promise.all(mine(accounts).map((a) => vendors.get(a.vendor)!.poll(a, ctx)));

    expect(snapshots.map((s) => [s.accountId, s.balance, s.dailySpend?.length, s.entitlements.length])).toEqual([
      ['agora-main', { amount: 1339.42, currency: 'USD', estimated: true }, 30, 1],
      ['twilio-video', { amount: 182.4, currency: 'USD', exact: '182.40' }, 30, 0],
      ['vonage-video', { amount: 42.17, currency: 'EUR', exact: '42.17' }, undefined, 0],
    ]);
    expect(snapshots[0].dailySpend?.[0]).toEqual({ date: '2026-08-31', amount: expect.any(Number), unit: 'USD' });
  });
});
