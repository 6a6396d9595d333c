import * as fs from 'fs';
import * as path from 'path';
import { fakeCalendar } from './fake-calendar';
import { formatProblems, loadConfig } from '../../../lambda/core/config';
import type { GuardConfig } from '../../../lambda/core/model';

const policyExample = fs.readFileSync(path.join(__dirname, 'fixtures', 'valid', 'policy-example.yaml'), 'utf8');

function expectValid(text: string): { config: GuardConfig; warnings: string } {
  const result = loadConfig(text, 'renewal-guard.yaml', fakeCalendar());
  if (!result.ok) throw new Error(`expected a valid document, got:\n${formatProblems(result.problems)}`);
  return { config: result.config, warnings: formatProblems(result.warnings) };
}

function expectProblems(text: string): string {
  const result = loadConfig(text, 'renewal-guard.yaml', fakeCalendar());
  if (result.ok) throw new Error('expected problems, got a valid document');
  return formatProblems(result.problems);
}

describe('the alert-policy fields of a valid document', () => {
  it('normalizes the policy example: top-level settings, account spend, and the new service fields', () => {
    // Act
    const { config, warnings } = expectValid(policyExample);

    // Assess
    expect(config.criticalityTiers).toEqual({ core: [90, 60, 30, 14, 7, 3, 1], experimental: [14, 1] });
    expect(config.escalation).toEqual({ critical: ['phone'], emergency: ['phone'] });
    expect(config.contactsMaxAgeDays).toBe(120);
    expect(config.renewalGraceDays).toBe(2);
    expect(config.coverageGapLeadDays).toBe(45);
    expect(config.accounts[0]!.spend).toEqual({ spikeFactor: 4, spikeMinAmount: 50, monthlyGrowth: 0.25 });
    expect(config.services).toEqual([
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        account: 'agora-main',
        kind: 'subscription',
        expiresOn: '2026-10-09',
        autoRenew: true,
        owners: ['alice@example.com'],
        criticality: 'core',
        reminderDays: [90, 60, 30, 14, 7, 3, 1],
        channels: ['ops'],
        renewalPrice: { amount: 1200, currency: 'USD' },
        replacedBy: 'live-rtc-2027',
        ownersConfirmedOn: '2026-03-01',
      },
      {
        id: 'live-rtc-2027',
        name: 'Live app RTC (2027 plan)',
        project: 'live-app',
        account: 'agora-main',
        kind: 'subscription',
        expiresOn: '2027-10-12',
        autoRenew: false,
        owners: ['alice@example.com'],
        criticality: 'experimental',
        reminderDays: [14, 1],
        channels: ['ops', 'phone'],
        startsOn: '2026-10-12',
      },
    ]);
    // 2027 is outside the stand-in calendar's official CN data
    expect(warnings).toBe(
      'ownerEmail: 2 service(s) declare owners with email addresses, but no ownerEmail sender is configured, so ' +
        'owners receive no email; set ownerEmail.from (the construct: ownerEmail: OwnerEmail.ses({ fromAddress })), ' +
        'or ownerEmail.enabled: false to say this is meant\n' +
        'calendar: CN has no official holiday data for 2027; weekends alone are used there',
    );
  });

  it('leaves every policy field out of a document that sets none', () => {
    // Act
    const { config } = expectValid('version: 1\n');

    // Assess
    for (const field of [
      'criticalityTiers',
      'escalation',
      'contactsMaxAgeDays',
      'renewalGraceDays',
      'coverageGapLeadDays',
    ]) {
      expect(config).not.toHaveProperty(field);
    }
  });
});

describe('tier density by criticality', () => {
  const doc = (extra = '') => `
version: 1
reminderDays: [45, 10, 2]
${extra}
services:
  - { id: core-one, name: A, project: p, kind: prepaid, owners: [alice], criticality: core }
  - { id: standard-one, name: B, project: p, kind: prepaid, owners: [alice] }
  - { id: experimental-one, name: C, project: p, kind: prepaid, owners: [alice], criticality: experimental }
  - { id: own-tiers, name: D, project: p, kind: prepaid, owners: [alice], criticality: core, reminderDays: [5] }
`;

  it('gives core services denser built-in tiers, experimental sparser ones, standard the document tiers', () => {
    // Act
    const { config } = expectValid(doc());

    // Assess
    expect(config.services.map((s) => [s.id, s.reminderDays])).toEqual([
      ['core-one', [90, 60, 30, 15, 7, 3, 1]],
      ['standard-one', [45, 10, 2]],
      ['experimental-one', [30, 7, 1]],
      ['own-tiers', [5]],
    ]);
  });

  it('takes criticalityTiers over the built-in lists, sorted, while a service its own tiers still win', () => {
    // Act
    const { config } = expectValid(doc('criticalityTiers: { core: [1, 120, 30], experimental: [3] }'));

    // Assess
    expect(config.services.map((s) => s.reminderDays)).toEqual([[120, 30, 1], [45, 10, 2], [3], [5]]);
  });

  it('overrides one criticality and keeps the built-in list of the other', () => {
    // Act
    const { config } = expectValid(doc('criticalityTiers: { experimental: [7] }'));

    // Assess
    expect(config.services[0]!.reminderDays).toEqual([90, 60, 30, 15, 7, 3, 1]);
    expect(config.services[2]!.reminderDays).toEqual([7]);
  });

  it("warns about a year a core service's 90-day tier reaches that the calendar has no data for", () => {
    // Prepare: 2024-03-15 − 90 days is 2023-12-16; the standard 60-day tier stays in 2024 (2024-01-15)
    const text = (criticality: string) => `
version: 1
calendar: CN
services:
  - { id: a, name: A, project: p, kind: contract, expiresOn: 2024-03-15, owners: [alice], criticality: ${criticality} }
`;

    // Act
    const core = expectValid(text('core'));
    const standard = expectValid(text('standard'));

    // Assess
    expect(core.warnings).toBe('calendar: CN has no official holiday data for 2023; weekends alone are used there');
    expect(standard.warnings).toBe('');
  });
});

describe('service policy fields', () => {
  it('warns about a renewal price that nothing is checked against, without failing', () => {
    // Act
    const { warnings } = expectValid(`
version: 1
accounts:
  - { id: agora-main, vendor: agora, credentials: renewal-guard/agora-main }
services:
  - { id: a, name: A, project: p, kind: prepaid, owners: [x], account: agora-main, renewalPrice: { amount: 10, currency: USD } }
  - { id: b, name: B, project: p, kind: prepaid, owners: [x], autoRenew: true, renewalPrice: { amount: 10, currency: USD } }
  - { id: c, name: C, project: p, kind: prepaid, owners: [x], replacedBy: a }
`);

    // Assess
    expect(warnings.split('\n')).toEqual([
      'services[0].renewalPrice: only used with autoRenew: true; no balance is checked against it',
      'services[1].renewalPrice: the service names no account, so there is no balance to check it against',
      'services[2].replacedBy: the service has no expiresOn, so no gap before its successor can be found',
    ]);
  });

  it('accepts a chain of successors that does not loop', () => {
    // Act
    const { config } = expectValid(`
version: 1
services:
  - { id: a, name: A, project: p, kind: contract, expiresOn: 2026-10-09, owners: [x], replacedBy: b }
  - { id: b, name: B, project: p, kind: contract, startsOn: 2026-10-09, expiresOn: 2027-10-09, owners: [x], replacedBy: c }
  - { id: c, name: C, project: p, kind: contract, startsOn: 2027-10-09, expiresOn: 2028-10-09, owners: [x] }
`);

    // Assess
    expect(config.services.map((s) => s.replacedBy)).toEqual(['b', 'c', undefined]);
  });

  it('reports a loop once at each service that closes it, not at a service that only leads into it', () => {
    // Act
    const problems = expectProblems(`
version: 1
services:
  - { id: a, name: A, project: p, kind: contract, expiresOn: 2026-10-09, owners: [x], replacedBy: b }
  - { id: b, name: B, project: p, kind: contract, expiresOn: 2026-10-09, owners: [x], replacedBy: c }
  - { id: c, name: C, project: p, kind: contract, expiresOn: 2026-10-09, owners: [x], replacedBy: b }
`);

    // Assess
    expect(problems.split('\n')).toEqual([
      'services[1].replacedBy: "c" leads back to "b" (b → c → b); a chain of successors cannot loop',
      'services[2].replacedBy: "b" leads back to "c" (c → b → c); a chain of successors cannot loop',
    ]);
  });

  it('names an unknown escalation channel even when no channels are defined', () => {
    expect(expectProblems('version: 1\nescalation: { emergency: [phone] }\n')).toBe(
      'escalation.emergency[0]: "phone" is not a channel id (no channels are defined)',
    );
  });
});
