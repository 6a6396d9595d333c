import { service } from './registry-fixtures';
import { configHash } from '../../lambda/aws/registry/registry-items';
import { planSync } from '../../lambda/aws/registry/sync-plan';

describe('configHash', () => {
  it('ignores key order and fields that are present but undefined', () => {
    // Prepare
    const plain = service('live-rtc', { account: undefined });
    const reordered = Object.fromEntries(Object.entries(plain).reverse()) as typeof plain;
    const { account: _dropped, ...withoutAccount } = plain;

    // Act / Assess
    expect(configHash(reordered)).toBe(configHash(plain));
    expect(configHash(withoutAccount)).toBe(configHash(plain));
  });

  it('changes when any configured value changes', () => {
    expect(configHash(service('live-rtc', { expiresOn: '2027-10-09' }))).not.toBe(configHash(service('live-rtc')));
    expect(configHash(service('live-rtc', { reminderDays: [30, 7] }))).not.toBe(configHash(service('live-rtc')));
  });
});

describe('planSync', () => {
  it('sorts declared services into add, update, restore and unchanged by their stored hash', () => {
    // Prepare
    const kept = service('kept');
    const changed = service('changed', { owners: ['bob@example.com'] });
    const returning = service('returning');
    const stored = [
      { id: 'kept', configHash: configHash(kept), retired: false },
      { id: 'changed', configHash: configHash(service('changed')), retired: false },
      { id: 'returning', configHash: configHash(returning), retired: true },
      { id: 'gone', configHash: 'x', retired: false },
      { id: 'long-gone', configHash: 'y', retired: true },
    ];

    // Act
    const plan = planSync([service('new-b'), kept, changed, returning, service('new-a')], stored);

    // Assess
    expect(plan.add.map((w) => w.service.id)).toEqual(['new-a', 'new-b']);
    expect(plan.update.map((w) => w.service.id)).toEqual(['changed']);
    expect(plan.restore.map((w) => w.service.id)).toEqual(['returning']);
    expect(plan.retire).toEqual(['gone']);
    expect(plan.unchanged).toBe(1);
    expect(plan.update[0].configHash).toBe(configHash(changed));
  });

  it('treats a stored item without a hash as changed', () => {
    const plan = planSync([service('legacy')], [{ id: 'legacy', retired: false }]);

    expect(plan.update.map((w) => w.service.id)).toEqual(['legacy']);
  });

  it('rejects a declaration that names one service twice', () => {
    expect(() => planSync([service('dup'), service('dup')], [])).toThrow(
      new TypeError('syncDeclaredServices: service id "dup" is declared twice'),
    );
  });
});
