import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { cli, tempDir, writeConfig } from './cli-harness';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every service field in use, defaults written nowhere (criticality standard, autoRenew false, ...). */
const DOCUMENT = `version: 1
timeZone: Asia/Shanghai
checkTime: "09:30"
calendar: weekends
reminderDays: [30, 7, 1]
criticalityTiers:
  core: [90, 30, 14, 7, 1]
accounts:
  - id: contracts
    vendor: manual
channels:
  - id: ops
    type: email
    to: [ops@example.com]
  - id: finance
    type: email
    to: [finance@example.com]
services:
  - id: voice-room
    name: 语音房
    project: voice
    account: contracts
    kind: package
    expiresOn: 2027-03-01
    autoRenew: true
    owners: [bob@example.com, carol@example.com]
    criticality: core
    channels: [finance]
    renewalPrice:
      amount: 1200
      currency: CNY
    entitlement: pkg-voice-1
    claims: ["pkg-voice-*", Voice minutes]
  - id: live-rtc
    name: Live app RTC
    project: live-app
    kind: subscription
    expiresOn: 2026-12-09
    owners: [alice@example.com]
    reminderDays: [45, 10]
    replacedBy: live-rtc-2
    ownersConfirmedOn: 2026-06-01
    renewUrl: https://console.agora.io/billing?plan=live
    runbook: https://wiki.example.com/runbooks/live-rtc
  - id: live-rtc-2
    name: Live app RTC (new plan)
    project: live-app
    kind: contract
    startsOn: 2026-12-01
    expiresOn: 2027-12-01
    owners: [alice@example.com]
    criticality: experimental
    noticeDays: 90
  - id: rtc-sdk
    name: RTC SDK 3.x
    project: live-app
    kind: sdk-support
    owners: [alice@example.com]
    version: 3.7.2
    endOfSupport: 2027-06-30
`;

describe('renewal-guard registry export / import: document ↔ registry', () => {
  it('gives back the document it was given: document → registry → export equals the document', async () => {
    const config = writeConfig(dir, DOCUMENT);

    const imported = await cli(['registry', 'import', config, '--apply'], { cwd: dir });
    const yaml = await cli(['registry', 'export', '--config', config], { cwd: dir });
    const json = await cli(['registry', 'export', '--config', config, '--format', 'json'], { cwd: dir });

    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('4 to add, 0 to update, 0 to retire, 0 unchanged');
    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(parse(DOCUMENT));
    expect(JSON.parse(json.stdout)).toEqual(parse(DOCUMENT));
  });

  it('leaves defaults out: a document that spells them out exports without them, and means the same', async () => {
    const spelled = DOCUMENT.replace(
      '    owners: [alice@example.com]\n    reminderDays: [45, 10]',
      '    owners: [alice@example.com]\n    reminderDays: [45, 10]\n    autoRenew: false\n    criticality: standard\n    channels: [ops, finance]',
    );
    const config = writeConfig(dir, spelled);

    await cli(['registry', 'import', config, '--apply'], { cwd: dir });
    const run = await cli(['registry', 'export', '--config', config], { cwd: dir });

    expect(parse(run.stdout)).toEqual(parse(DOCUMENT));
  });

  it('quotes times, dates and yes/no words, so a YAML 1.1 reader (PyYAML, go-yaml v2) reads the same strings', async () => {
    // Prepare: a YAML 1.1 reader takes an unquoted 10:00 for the base-60 number 600
    const withTimes = DOCUMENT.replace(
      'calendar: weekends\n',
      'calendar: weekends\nquietHours: { from: "22:00", to: "08:00" }\ndigest: { weekday: MON, time: "10:00" }\n',
    ).replace('    name: Live app RTC\n', '    name: "no"\n');
    const config = writeConfig(dir, withTimes);
    await cli(['registry', 'import', config, '--apply'], { cwd: dir });

    // Act
    const run = await cli(['registry', 'export', '--config', config], { cwd: dir });

    // Assess
    expect(run.code).toBe(0);
    expect(parse(run.stdout, { version: '1.1' })).toEqual(parse(withTimes));
    expect(run.stdout).toContain('checkTime: "09:30"');
    expect(run.stdout).toContain('time: "10:00"');
  });

  it('exports the services as CSV, and importing that CSV changes nothing', async () => {
    const config = writeConfig(dir, DOCUMENT);
    await cli(['registry', 'import', config, '--apply'], { cwd: dir });

    const csv = await cli(['registry', 'export', '--config', config, '--format', 'csv'], { cwd: dir });
    fs.writeFileSync(path.join(dir, 'inventory.csv'), csv.stdout);
    const again = await cli(['registry', 'import', 'inventory.csv', '--config', config, '--json'], { cwd: dir });

    expect(csv.stdout.split('\r\n')[0]).toBe(
      'id,name,project,account,kind,expiresOn,autoRenew,owners,criticality,reminderDays,channels,' +
        'renewalPrice.amount,renewalPrice.currency,replacedBy,startsOn,ownersConfirmedOn,entitlement,claims,noticeDays,version,endOfSupport,paysFor,renewUrl,runbook',
    );
    expect(csv.stdout).toContain(
      'voice-room,语音房,voice,contracts,package,2027-03-01,true,bob@example.com; carol@example.com,core',
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: false, add: [], update: [], retire: [], unchanged: 4 });
  });

  it('says there is no registry to export when the store was never made', async () => {
    const config = writeConfig(dir, DOCUMENT);

    const run = await cli(['registry', 'export', '--config', config, '--store', 'nowhere'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/there is no registry at store .*nowhere; run check or registry import --apply first/);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses an unknown export format', async () => {
    const config = writeConfig(dir, DOCUMENT);

    const run = await cli(['registry', 'export', '--config', config, '--format', 'xml'], { cwd: dir });

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'renewal-guard: --format: "xml" is not one of yaml, json, csv\n',
    });
  });
});

const BASE = `version: 1
timeZone: Asia/Shanghai
calendar: weekends
accounts:
  - id: contracts
    vendor: manual
channels:
  - id: ops
    type: email
    to: [ops@example.com]
services: []
`;

const HEADER = 'Service ID,Service,Team,Type,Expiry date,Auto-renew,Owner(s),Notes';
const MAPS = [
  '--map',
  'Service ID=id',
  '--map',
  'Service=name',
  '--map',
  'Team=project',
  '--map',
  'Type=kind',
  '--map',
  'Expiry date=expiresOn',
  '--map',
  'Auto-renew=autoRenew',
  '--map',
  'Owner(s)=owners',
  '--map',
  'Notes=',
];

/** 200 rows in a spreadsheet's way: quoted names with commas, a note with a line break, two owners in a cell. */
function spreadsheet(bad: ReadonlyMap<number, string>): string {
  const lines = [HEADER];
  for (let i = 1; i <= 200; i += 1) {
    const row =
      bad.get(i) ??
      `svc-${i},"Service ${i}, EU",team-${i % 7},subscription,2027-01-${String((i % 28) + 1).padStart(2, '0')},${i % 2 ? 'yes' : 'no'},"a${i}@example.com; b${i}@example.com","note ${i}\nsecond line"`;
    lines.push(row);
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

describe('renewal-guard registry import FILE.csv: a spreadsheet inventory', () => {
  it('names each of 5 bad rows among 200, by row and column, in a dry run that writes nothing', async () => {
    const config = writeConfig(dir, BASE);
    const bad = new Map([
      [3, 'svc-3,Service 3,team,subscription,2027-02-30,no,a@example.com,'],
      [50, 'svc-50,Service 50,team,subscrption,2027-01-10,no,a@example.com,'],
      [99, 'svc-99,Service 99,team,subscription,2027-01-10,maybe,a@example.com,'],
      [150, 'svc-150,Service 150,team,subscription,2027-01-10,no,,'],
      [200, 'svc-1,Service 200,team,subscription,2027-01-10,no,a@example.com,'],
    ]);
    fs.writeFileSync(path.join(dir, 'inventory.csv'), spreadsheet(bad));

    const run = await cli(['registry', 'import', 'inventory.csv', '--config', config, ...MAPS], { cwd: dir });

    // rows count the header as row 1, as the spreadsheet shows them, whatever line breaks cells hold
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'row 4, column "Expiry date" (expiresOn): "2027-02-30" is not a calendar date (expected YYYY-MM-DD)',
      'row 51, column "Type" (kind): "subscrption" is not a service kind; expected one of subscription, prepaid, postpaid, contract, package, sdk-support, payment-method; did you mean subscription?',
      'row 100, column "Auto-renew" (autoRenew): expected true or false, got "maybe"',
      'row 151, column "Owner(s)" (owners): required; name at least one responsible person, e.g. [alice@example.com]',
      'row 201, column "Service ID" (id): "svc-1" is used by row 2 too',
      'renewal-guard: inventory.csv cannot be imported (5 bad rows, 5 problems); nothing was written',
      '',
    ]);
    expect(fs.existsSync(path.join(dir, '.renewal-guard'))).toBe(false);
  });

  it('with good rows, a dry run says what would be added and writes nothing; --apply writes them', async () => {
    const config = writeConfig(dir, BASE);
    fs.writeFileSync(path.join(dir, 'inventory.csv'), spreadsheet(new Map()));

    const dry = await cli(['registry', 'import', 'inventory.csv', '--config', config, ...MAPS], { cwd: dir });
    const existedAfterDryRun = fs.existsSync(path.join(dir, '.renewal-guard'));
    const applied = await cli(
      ['registry', 'import', 'inventory.csv', '--config', config, ...MAPS, '--apply', '--json'],
      { cwd: dir },
    );
    const exported = await cli(['registry', 'export', '--config', config, '--format', 'json'], { cwd: dir });

    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^Dry run, nothing written: inventory.csv \(200 rows\) into store .*: 200 to add, 0 to update, 0 to retire, 0 unchanged\./,
    );
    expect(dry.stdout).toContain('Run again with --apply to write them.');
    expect(existedAfterDryRun).toBe(false);
    expect(JSON.parse(applied.stdout)).toMatchObject({ applied: true, rows: 200, unchanged: 0 });
    const services = JSON.parse(exported.stdout).services;
    expect(services).toHaveLength(200);
    expect(services.find((s: { id: string }) => s.id === 'svc-7')).toEqual({
      id: 'svc-7',
      name: 'Service 7, EU',
      project: 'team-0',
      kind: 'subscription',
      expiresOn: '2027-01-08',
      autoRenew: true,
      owners: ['a7@example.com', 'b7@example.com'],
    });
  });

  it('reports columns it cannot place, and a --map naming a column or field that does not exist', async () => {
    const config = writeConfig(dir, BASE);
    fs.writeFileSync(path.join(dir, 'inventory.csv'), 'id,name,Cost centre\r\nx,X,42\r\n');

    const run = await cli(
      ['registry', 'import', 'inventory.csv', '--config', config, '--map', 'Owner=owners', '--map', 'name=nme'],
      { cwd: dir },
    );

    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      '--map "Owner=owners": the header row has no column "Owner" (columns: id, name, Cost centre)',
      expect.stringMatching(/^--map "name=nme": "nme" is not a service field \(fields: id, name, /),
      expect.stringMatching(
        /^row 1, column "Cost centre": maps to no service field; map it with --map "Cost centre=<field>" or leave it out with --map "Cost centre="/,
      ),
      'renewal-guard: inventory.csv cannot be imported (3 problems); nothing was written',
      '',
    ]);
  });

  it('prints { applied: false, problems } with --json when the file cannot be imported, and writes nothing', async () => {
    const config = writeConfig(dir, BASE);
    fs.writeFileSync(path.join(dir, 'inventory.csv'), 'id,name\r\nx,"unclosed\r\n');

    const run = await cli(['registry', 'import', 'inventory.csv', '--config', config, '--apply', '--json'], {
      cwd: dir,
    });

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      applied: false,
      problems: ['line 2, column 3: this quoted field is never closed'],
    });
    expect(run.stderr).toContain('renewal-guard: inventory.csv cannot be imported (1 problem); nothing was written');
    expect(fs.existsSync(path.join(dir, '.renewal-guard'))).toBe(false);
  });

  it('names the line and column of a CSV syntax error', async () => {
    const config = writeConfig(dir, BASE);
    fs.writeFileSync(path.join(dir, 'inventory.csv'), 'id,name\r\nx,"unclosed\r\n');

    const run = await cli(['registry', 'import', 'inventory.csv', '--config', config], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'line 2, column 3: this quoted field is never closed\n' +
        'renewal-guard: inventory.csv cannot be imported (1 problem); nothing was written\n',
    );
  });

  it('keeps the document services and replaces one a row names by id', async () => {
    const config = writeConfig(dir, DOCUMENT);
    fs.writeFileSync(
      path.join(dir, 'more.csv'),
      'id,name,project,kind,expiresOn,owners\r\nlive-rtc,Live app RTC renamed,live-app,subscription,2026-12-09,alice@example.com\r\nextra,Extra,x,subscription,2027-05-05,z@example.com\r\n',
    );
    await cli(['registry', 'import', config, '--apply'], { cwd: dir });

    const run = await cli(['registry', 'import', 'more.csv', '--config', config, '--json'], { cwd: dir });

    expect(JSON.parse(run.stdout)).toMatchObject({ add: ['extra'], update: ['live-rtc'], retire: [], unchanged: 3 });
  });
});
