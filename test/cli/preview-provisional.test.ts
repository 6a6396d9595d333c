/** `preview` and `validate` on a CN year with no official data: provisional dates are marked, never inside a festival block. */
import * as fs from 'fs';
import * as path from 'path';
import { cli, tempDir } from './cli-harness';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeConfig(calendar: string): string {
  const file = path.join(dir, 'guard.yaml');
  fs.writeFileSync(
    file,
    `version: 1
timeZone: Asia/Shanghai
checkTime: "09:30"
calendar: ${calendar}
services:
  - id: live-rtc
    name: Live RTC
    project: live
    kind: subscription
    expiresOn: 2027-02-15
    owners: [alice@example.com]
channels:
  - { id: ops, type: email, to: [ops@example.com] }
`,
  );
  return file;
}

describe('provisional CN years in preview and validate', () => {
  it('places no reminder inside the estimated Spring Festival block and marks 2027 dates provisional', async () => {
    // Act
    const run = await cli(['preview', '--config', writeConfig('CN'), '--from', '2026-12-06', '--json'], {
      cwd: dir,
      now: '2026-12-06T09:30:00+08:00',
    });
    // Assess
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as Array<{ date: string; tier: number; provisional?: boolean }>;
    expect(items.map((i) => [i.date, i.tier, i.provisional ?? false])).toEqual([
      ['2026-12-17', 60, false],
      ['2027-01-15', 30, true],
      ['2027-01-29', 15, true],
      // the last working day before the estimated block 02-04..13: the readiness notice (live-rtc expires
      // within 5 working days after it) and, as 7 (due 02-08) and 1 (due 02-14) both fall back there, one reminder
      ['2027-02-03', undefined, true],
      ['2027-02-03', 1, true],
      ['2027-02-15', 0, true],
    ]);
  });

  it('says in the table which dates are provisional and how to declare the year', async () => {
    const run = await cli(['preview', '--config', writeConfig('CN'), '--from', '2026-12-06'], {
      cwd: dir,
      now: '2026-12-06T09:30:00+08:00',
    });
    expect(run.stdout).toContain('2027-02-03*');
    expect(run.stdout).toContain('* provisional: 2027 has no official CN holiday data');
    expect(run.stdout).toContain('coveredYears');
  });

  it('leaves a declared year unmarked', async () => {
    const declared =
      '{ base: CN, holidays: [2027-01-01, 2027-02-05/2027-02-13], workdays: [2027-02-20], coveredYears: [2027] }';
    const run = await cli(['preview', '--config', writeConfig(declared), '--from', '2026-12-06', '--json'], {
      cwd: dir,
      now: '2026-12-06T09:30:00+08:00',
    });
    const items = JSON.parse(run.stdout) as Array<{ date: string; tier: number; provisional?: boolean }>;
    expect(items.filter((i) => i.provisional)).toEqual([]);
    // 7 (due 02-08) and 1 (due 02-14, a Sunday after the block) both land on the working day before the block
    expect(items.find((i) => i.tier === 1)?.date).toBe('2027-02-04');
  });

  it('validate warns that 2027 is provisional, naming the estimated blocks', async () => {
    const run = await cli(['validate', '--config', writeConfig('CN')], { cwd: dir, now: '2026-12-06T09:30:00+08:00' });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain('it is provisional');
    expect(run.stdout + run.stderr).toContain('2027-02-04/2027-02-13');
  });
});

describe('preview on a non-working first day', () => {
  it('dates a planning notice caught up on Sunday on the Monday it is delivered', async () => {
    // Act: from Sunday 2026-12-06, the 60-day tier of 2027-02-15 (due 12-17) is not caught up yet, but the
    // 90-day tier of a core service expiring 2027-03-01 (due 11-30) is: info, held for Monday
    const file = path.join(dir, 'guard.yaml');
    fs.writeFileSync(
      file,
      `version: 1
timeZone: Asia/Shanghai
calendar: CN
services:
  - { id: core-db, name: Core DB, project: data, kind: subscription, expiresOn: 2027-03-01, criticality: core, owners: [a@example.com] }
channels:
  - { id: ops, type: email, to: [ops@example.com] }
`,
    );
    const run = await cli(['preview', '--config', file, '--from', '2026-12-06', '--days', '3', '--json'], {
      cwd: dir,
      now: '2026-12-06T09:30:00+08:00',
    });
    // Assess
    const items = JSON.parse(run.stdout) as Array<{ date: string; tier: number; severity: string }>;
    expect(items.map((i) => [i.date, i.tier, i.severity])).toEqual([['2026-12-07', 90, 'info']]);
  });
});
