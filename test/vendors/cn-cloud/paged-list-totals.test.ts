import type { AccountConfig } from '../../../lambda/core/model';
import type { SecretResolver } from '../../../lambda/core/vendor-port';
import { startVendorSandbox, type VendorSandbox } from '../../../lambda/sandbox/vendor-sandbox';
import { type AlibabaSandboxAccount } from '../../../lambda/sandbox/vendors/alibaba';
import { AlibabaVendor } from '../../../lambda/vendors/alibaba';
import { collectPages, MAX_PAGES } from '../../../lambda/vendors/cn-cloud';
import { VendorError } from '../../../lambda/vendors/http';
import { fakeTime, type FakeTime } from '../support/fake-time';
import { pollContext } from '../support/poll-helpers';

const call = { vendor: 'alibaba' as const, accountId: 'ali', operation: 'QueryAvailableInstances' };

describe("paged lists trust the vendor's own total", () => {
  it('read on past a short page while the total says more remain', async () => {
    // Prepare: pages of 2 asked, the vendor answers 2, then 1, then 2 (5 in all, as it says)
    const pages = [['a', 'b'], ['c'], ['d', 'e']];
    const asked: Array<[number, number]> = [];

    // Act
    const items = await collectPages(call, 2, async (i, offset) => {
      asked.push([i, offset]);
      return { items: pages[i]!, total: 5 };
    });

    // Assess
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(asked).toEqual([
      [0, 0],
      [1, 2],
      [2, 3],
    ]);
  });

  it('fail, naming both counts, when the pages run dry before the total', async () => {
    const pages = [['a', 'b'], ['c'], []];

    const error = await collectPages(call, 2, async (i) => ({ items: pages[i]!, total: 9 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).message).toContain('the list says it holds 9 entries, but its pages ended after 3');
    expect((error as VendorError).retryable).toBe(true);
  });

  it('fail on a vendor that answers the same short page for ever, within the page bound', async () => {
    let asked = 0;

    const error = await collectPages(call, 100, async () => {
      asked++;
      return { items: ['same'], total: 1000 };
    }).catch((e: unknown) => e);

    expect(asked).toBe(MAX_PAGES);
    expect((error as VendorError).message).toContain(
      `the list did not end within ${MAX_PAGES} pages (${MAX_PAGES} of the 1000 entries it says it holds were listed)`,
    );
  });

  it('still end at a short page when the vendor gives no total', async () => {
    const asked: number[] = [];

    const items = await collectPages(call, 2, async (i) => {
      asked.push(i);
      return { items: i === 0 ? ['a', 'b'] : ['c'] };
    });

    expect(items).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([0, 1]);
  });
});

describe('the Alibaba adapter against a sandbox that answers short pages', () => {
  const NOW = '2026-09-30T01:30:00Z';
  const SHORT: AlibabaSandboxAccount = {
    accessKeyId: 'LTAItestShort00000000001',
    accessKeySecret: 'test-short-access-key-secret-000001',
    balance: { AvailableAmount: '10.00', Currency: 'CNY' },
    maxPageSize: 30,
    instances: Array.from({ length: 75 }, (_, i) => ({
      InstanceID: `i-${String(i).padStart(3, '0')}`,
      ProductCode: 'rtc',
      SubscriptionType: 'Subscription',
      EndTime: '2027-01-01T16:00:00Z',
      RenewStatus: 'ManualRenewal',
    })),
    resourcePackages: Array.from({ length: 45 }, (_, i) => ({
      InstanceId: `p-${String(i).padStart(3, '0')}`,
      ProductCode: 'rtc',
      ExpiryTime: '2027-03-14T16:00:00Z',
      Status: 'Available',
    })),
  };
  const secrets: SecretResolver = {
    resolve: async () => ({ accessKeyId: SHORT.accessKeyId, accessKeySecret: SHORT.accessKeySecret }),
  };
  let sandbox: VendorSandbox;
  let time: FakeTime;

  beforeAll(async () => {
    sandbox = await startVendorSandbox({ fixtures: { alibaba: { accounts: [SHORT] } }, clock: () => time.clock() });
  });
  beforeEach(() => {
    time = fakeTime(NOW);
  });
  afterAll(() => sandbox.stop());

  it('watches every instance and package its TotalCount announces, not just the first page of 30', async () => {
    const account: AccountConfig = {
      id: 'alibaba-short',
      vendor: 'alibaba',
      credentials: 'al/short',
      endpoint: sandbox.endpoint('alibaba'),
      options: { usageDays: 0 },
    };

    const snapshot = await new AlibabaVendor().poll(account, pollContext(time, secrets));

    const ids = snapshot.entitlements.map((e) => e.id);
    expect(ids.filter((id) => id.startsWith('i-'))).toHaveLength(75);
    expect(ids.filter((id) => id.startsWith('p-'))).toHaveLength(45);
    expect(new Set(ids).size).toBe(120);
    const pageNums = sandbox
      .requests('alibaba')
      .map((r) => new URLSearchParams(r.query))
      .filter((q) => q.get('Action') === 'QueryAvailableInstances')
      .map((q) => q.get('PageNum'));
    expect(pageNums).toEqual(['1', '2', '3']);
  });
});
