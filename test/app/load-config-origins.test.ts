/** A file merged with overrides: each problem names the side it was written on, when the caller asks. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadGuardConfig } from '../../lambda/app/load-config';

const FILE_TEXT = `version: 1
services:
  - id: a
    name: A
    project: p
    kind: subscription
    expiresOn: 2026-02-30
    owners: [alice@example.com]
  - id: b
    name: B
    project: p
    kind: subscription
    expiresOn: 2026-10-09
    owners: [bob@example.com]
`;

const OVERRIDES = {
  checkTime: '9:30',
  accounts: [{ id: 'calls', vendor: 'twilio', credentials: 'renewal-guard/calls', usageDays: 0 }],
  services: [
    { id: 'c', name: 'C', project: 'p', kind: 'subscription', expiresOn: '2026-13-01', owners: ['c@example.com'] },
  ],
};

function configFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-origins-')), 'renewal-guard.yaml');
  fs.writeFileSync(file, FILE_TEXT);
  return file;
}

function lines(result: ReturnType<typeof loadGuardConfig>): string[] {
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('problems of a file merged with overrides', () => {
  it('name the file side by the file and the overrides side through the given namer', () => {
    // Arrange
    const file = configFile();
    // Act
    const result = loadGuardConfig({ file, overrides: OVERRIDES, nameOverridesPath: (at) => `props.${at}` });
    // Assert
    expect(lines(result)).toEqual([
      'props.checkTime: "9:30" is not a time (expected HH:MM, 00:00 to 23:59)',
      `${file}: services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)`,
      'props.services[0].expiresOn: "2026-13-01" is not a calendar date (expected YYYY-MM-DD)',
    ]);
  });

  it('name a vendor option problem, found after validation, by its side too', () => {
    const file = configFile();
    const result = loadGuardConfig({
      file,
      overrides: {
        accounts: OVERRIDES.accounts,
        services: [{ id: 'a', name: 'A', project: 'p', kind: 'prepaid', owners: ['a@example.com'] }],
      },
      nameOverridesPath: (at) => `props.${at}`,
      today: '2026-11-21',
    });

    expect(lines(result)).toEqual(['props.accounts[0].usageDays: expected a whole number from 1 to 400, got 0']);
  });

  it('keep the merged paths without a namer, as the CLI reports a document', () => {
    const result = loadGuardConfig({ file: configFile(), overrides: OVERRIDES });

    expect(lines(result)).toEqual([
      'checkTime: "9:30" is not a time (expected HH:MM, 00:00 to 23:59)',
      'services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
      'services[2].expiresOn: "2026-13-01" is not a calendar date (expected YYYY-MM-DD)',
    ]);
  });

  it('name the warnings by their side as well, and leave bare what neither side wrote', () => {
    const file = path.join(path.dirname(configFile()), 'priced.yaml');
    const priced = {
      name: 'P',
      project: 'p',
      kind: 'subscription',
      expiresOn: '2026-10-09',
      owners: ['Pat'],
    };
    const price = { amount: 10, currency: 'USD' };
    fs.writeFileSync(file, JSON.stringify({ version: 1, services: [{ id: 'f', ...priced, renewalPrice: price }] }));
    const named = (at: string) => `props.${at}`;

    const merged = loadGuardConfig({
      file,
      overrides: { services: [{ id: 'o', ...priced, renewalPrice: price }] },
      nameOverridesPath: named,
    });
    const nothing = loadGuardConfig({ overrides: { checkTime: '08:00' }, nameOverridesPath: named });

    const unused = 'only used with autoRenew: true; no balance is checked against it';
    expect(merged.warnings).toEqual([
      { path: `${file}: services[0].renewalPrice`, message: unused },
      { path: 'props.services[0].renewalPrice', message: unused },
    ]);
    expect(nothing.warnings).toEqual([
      { path: 'services', message: 'no services are listed; nothing will be watched' },
    ]);
  });
});
