import { loadGuardConfig } from '../../../lambda/app/load-config';
import {
  claimPatternMatches,
  notInInventoryKey,
  unclaimedEntitlements,
} from '../../../lambda/core/inventory/unclaimed-entitlements';
import type { ServiceConfig } from '../../../lambda/core/model';

const service = (over: Partial<ServiceConfig>): ServiceConfig => ({
  id: 's',
  name: 'S',
  project: 'p',
  account: 'ali',
  kind: 'subscription',
  expiresOn: '2027-01-01',
  autoRenew: false,
  owners: ['a@example.com'],
  criticality: 'standard',
  reminderDays: [30],
  channels: [],
  ...over,
});

describe('claims', () => {
  it('match by id or name exactly, or by a pattern where * stands for any run of characters', () => {
    expect(claimPatternMatches('rtc-cn-*', 'rtc-cn-abc')).toBe(true);
    expect(claimPatternMatches('rtc-cn-*', 'xrtc-cn-abc')).toBe(false);
    expect(claimPatternMatches('*minutes*', 'ARTC minutes plan')).toBe(true);
    expect(claimPatternMatches('a.b', 'axb')).toBe(false);
    expect(claimPatternMatches('p-1', 'p-1')).toBe(true);
  });

  it('only count on the service’s own account', () => {
    const reported = [{ accountId: 'ali', vendor: 'alibaba' as const, entitlements: [{ id: 'i-1', name: 'one' }] }];

    expect(unclaimedEntitlements([service({ account: 'other', claims: ['*'] })], reported)).toHaveLength(1);
    expect(unclaimedEntitlements([service({ claims: ['i-*'] })], reported)).toEqual([]);
    expect(unclaimedEntitlements([service({ entitlement: 'one' })], reported)).toEqual([]);
  });
});

describe('unclaimed entitlements', () => {
  it('suggest an entry whose id is free, with the account’s one project and its owners', () => {
    const reported = [
      {
        accountId: 'ali',
        vendor: 'alibaba' as const,
        entitlements: [
          { id: 'S', name: 'clash', expiresOn: '2027-02-01', remaining: 10, unit: 'Minute' },
          { id: 'S', name: 'the same id twice is one entitlement' },
        ],
      },
    ];

    const found = unclaimedEntitlements([service({ id: 's', owners: ['x@example.com'] })], reported);

    expect(found).toEqual([
      {
        accountId: 'ali',
        vendor: 'alibaba',
        entitlement: reported[0]!.entitlements[0],
        key: 'ali:not-in-inventory:S',
        entry: {
          id: 's-2',
          name: 'clash',
          project: 'p',
          account: 'ali',
          kind: 'package',
          expiresOn: '2027-02-01',
          owners: ['x@example.com'],
          entitlement: 'S',
        },
      },
    ]);
  });

  it('keys an id with characters keys cannot hold by a folded id and a stable digest', () => {
    const key = notInInventoryKey('hw', 'Package: 10 000 min/月');

    expect(key).toMatch(/^hw:not-in-inventory:Package-10-000-min-\.[0-9a-f]{8}$/);
    expect(notInInventoryKey('hw', 'Package: 10 000 min/月')).toBe(key);
    expect(notInInventoryKey('hw', 'Package: 10 000 min/日')).not.toBe(key);
  });
});

describe('validation of claims', () => {
  const doc = (claims: unknown, account: string | undefined = 'ali') => ({
    version: 1,
    accounts: [{ id: 'ali', vendor: 'manual' }],
    services: [
      {
        id: 's',
        name: 'S',
        project: 'p',
        kind: 'subscription',
        expiresOn: '2027-01-01',
        owners: ['a@example.com'],
        ...(account && { account }),
        claims,
      },
    ],
  });
  const problems = (d: unknown) => {
    const r = loadGuardConfig({ document: d });
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts ids, names and patterns', () => {
    const r = loadGuardConfig({ document: doc(['rtc-cn-*', 'ARTC minutes plan']) });
    expect(r.ok && r.config.services[0]!.claims).toEqual(['rtc-cn-*', 'ARTC minutes plan']);
  });

  it('names each bad claim by its path', () => {
    expect(problems(doc([]))).toEqual([
      'services[0].claims: empty; list entitlement ids, names or patterns such as rtc-cn-*, or leave the field out',
    ]);
    expect(problems(doc(['a', 'a', 3, ' ']))).toEqual([
      'services[0].claims[1]: "a" is listed twice; keep one',
      'services[0].claims[2]: expected an entitlement id, name or pattern, got 3',
      'services[0].claims[3]: empty; give an entitlement id, name or pattern such as rtc-cn-*',
    ]);
    expect(problems(doc(['a'], ''))).toEqual([
      'services[0].claims: needs account: name the vendor account whose entitlements this service claims',
    ]);
    expect(problems(doc('rtc-*'))).toEqual([expect.stringMatching(/^services\[0\]\.claims: expected a list/)]);
  });
});
