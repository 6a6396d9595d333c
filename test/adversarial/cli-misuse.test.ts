import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, CONFIG, tempDir, writeConfig } from '../cli/cli-harness';

const NOW = '2026-10-02T09:30:00+08:00';
const KEY = 'live-rtc:expiry:2026-10-09:7';

interface Misuse {
  /** What the user did wrong. */
  readonly name: string;
  /** The arguments; the config is renewal-guard.yaml in the working folder. */
  readonly argv: readonly string[];
  readonly code: number;
  /** What the error must say: it names the flag, value or file that is wrong. */
  readonly says: RegExp;
}

const C = ['--config', 'renewal-guard.yaml'];

/**
 * The CLI misuse table: real commands, in-process, each with the exit code and the words naming what is
 * wrong. After each, nothing may have been written: no store folder, no output file.
 */
const MISUSES: readonly Misuse[] = [
  // missing and unreadable files
  { name: 'validate without --config', argv: ['validate'], code: 2, says: /--config FILE is required/ },
  {
    name: 'a config that does not exist',
    argv: ['validate', '--config', 'nope.yaml'],
    code: 2,
    says: /nope\.yaml: file not found/,
  },
  {
    name: 'a folder for a config',
    argv: ['validate', '--config', '.'],
    code: 2,
    says: /EISDIR|illegal operation on a directory/,
  },
  { name: 'check without --config', argv: ['check', '--store', 'store'], code: 2, says: /--config FILE is required/ },
  // instants that roll over
  {
    name: 'February 30 as --now',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-02-30T09:30:00Z'],
    code: 2,
    says: /--now: "2026-02-30T09:30:00Z" is not a real instant/,
  },
  {
    name: 'February 29 of a common year',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-02-29T09:30:00+08:00'],
    code: 2,
    says: /--now: "2026-02-29T09:30:00\+08:00" is not a real instant/,
  },
  {
    name: 'T24:00',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-09-30T24:00:00Z'],
    code: 2,
    says: /--now: "2026-09-30T24:00:00Z"/,
  },
  {
    name: 'minute 60',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-09-30T09:60Z'],
    code: 2,
    says: /--now: "2026-09-30T09:60Z"/,
  },
  {
    name: 'an offset of +24:00',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-09-30T09:30:00+24:00'],
    code: 2,
    says: /--now: .* not a real instant/,
  },
  {
    name: 'a date alone as --now',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-09-30'],
    code: 2,
    says: /--now: "2026-09-30"/,
  },
  {
    name: 'year 9999 as --now',
    argv: ['check', ...C, '--store', 'store', '--now', '9999-12-31T00:00:00Z'],
    code: 2,
    says: /years 2000 to 2199/,
  },
  {
    name: 'a newline after --now',
    argv: ['check', ...C, '--store', 'store', '--now', '2026-09-30T09:30:00Z\n'],
    code: 2,
    says: /--now: "2026-09-30T09:30:00Z\\n"/,
  },
  {
    name: 'epoch seconds as --now',
    argv: ['check', ...C, '--store', 'store', '--now', '1790000000'],
    code: 2,
    says: /--now: "1790000000"/,
  },
  {
    name: '--store and --table together',
    argv: ['check', ...C, '--store', 'store', '--table', 't'],
    code: 2,
    says: /--store and --table are alternatives/,
  },
  // alert keys
  {
    name: 'a key with a newline',
    argv: ['ack', `${KEY}\nx`, ...C, '--store', 'store'],
    code: 2,
    says: /"live-rtc:expiry:2026-10-09:7\\nx" is not an alert key/,
  },
  {
    name: 'a key with a trailing space',
    argv: ['ack', `${KEY} `, ...C, '--store', 'store'],
    code: 2,
    says: /is not an alert key/,
  },
  { name: 'an empty key', argv: ['ack', '', ...C, '--store', 'store'], code: 2, says: /"" is not an alert key/ },
  {
    name: 'a key of an unknown kind',
    argv: ['ack', 'live-rtc:expiri:2026-10-09:7', ...C, '--store', 'store'],
    code: 2,
    says: /is not an alert key/,
  },
  {
    name: 'a key of 10,000 characters',
    argv: ['ack', `live-rtc:expiry:${'9'.repeat(10_000)}`, ...C, '--store', 'store'],
    code: 2,
    says: /is not an alert key.*at most 512 characters/,
  },
  {
    name: 'a key for no service',
    argv: ['ack', 'live-rtx:expiry:2026-10-09:7', ...C, '--store', 'store'],
    code: 2,
    says: /names no service or account/,
  },
  {
    name: 'a snooze of 0 days',
    argv: ['ack', KEY, ...C, '--store', 'store', '--snooze', '0'],
    code: 2,
    says: /--snooze: "0"/,
  },
  {
    name: 'a snooze in exponent form',
    argv: ['ack', KEY, ...C, '--store', 'store', '--snooze', '1e2'],
    code: 2,
    says: /--snooze: "1e2"/,
  },
  {
    name: 'a blank --by',
    argv: ['ack', KEY, ...C, '--store', 'store', '--by', '  '],
    code: 2,
    says: /--by: give a name/,
  },
  {
    name: 'a --by with a newline',
    argv: ['ack', KEY, ...C, '--store', 'store', '--by', 'alice\nApproved by: the CFO'],
    code: 2,
    says: /--by: contains the control character U\+000A/,
  },
  {
    name: 'a --by of 10,000 characters',
    argv: ['ack', KEY, ...C, '--store', 'store', '--by', 'a'.repeat(10_000)],
    code: 2,
    says: /--by: at most 254 characters/,
  },
  { name: 'ack without a key', argv: ['ack', ...C], code: 2, says: /missing required argument 'key'/ },
  // stores
  {
    name: 'preview with a store that does not exist',
    argv: ['preview', ...C, '--store', 'missing'],
    code: 2,
    says: /--store: .*missing does not exist/,
  },
  {
    name: 'report with a store that does not exist',
    argv: ['report', ...C, '--store', 'missing', '--out', 'r.html'],
    code: 2,
    says: /--store: .*missing does not exist/,
  },
  // dates and numbers
  {
    name: 'preview from February 30',
    argv: ['preview', ...C, '--from', '2026-02-30'],
    code: 2,
    says: /--from: "2026-02-30"/,
  },
  {
    name: 'preview from year zero',
    argv: ['preview', ...C, '--from', '0000-01-01'],
    code: 2,
    says: /--from: "0000-01-01" is not a calendar date from 2000 to 2199/,
  },
  { name: 'preview over 0x10 days', argv: ['preview', ...C, '--days', '0x10'], code: 2, says: /--days: "0x10"/ },
  { name: 'preview over 1.5 days', argv: ['preview', ...C, '--days', '1.5'], code: 2, says: /--days: "1.5"/ },
  { name: 'preview over 100000 days', argv: ['preview', ...C, '--days', '100000'], code: 2, says: /--days: "100000"/ },
  {
    name: 'a report from year 9999',
    argv: ['report', ...C, '--from', '9999-12-31', '--out', 'r.html'],
    code: 2,
    says: /--from: "9999-12-31"/,
  },
  { name: 'a report without --out', argv: ['report', ...C], code: 2, says: /--out FILE is required/ },
  // outputs
  { name: 'a calendar without --out', argv: ['calendar', ...C], code: 2, says: /--out FILE is required/ },
  {
    name: 'a calendar into a missing folder',
    argv: ['calendar', ...C, '--out', 'no/such/dir/x.ics'],
    code: 2,
    says: /--out: cannot write no\/such\/dir\/x\.ics \(ENOENT\)/,
  },
  {
    name: 'a blank calendar name',
    argv: ['calendar', ...C, '--out', 'x.ics', '--name', ' '],
    code: 2,
    says: /--name: give a non-empty name/,
  },
  // commands and flags
  { name: 'a misspelt command', argv: ['chek', ...C], code: 2, says: /unknown command 'chek'[\s\S]*check/ },
  { name: 'a misspelt flag', argv: ['check', ...C, '--sned'], code: 2, says: /unknown option '--sned'[\s\S]*--send/ },
  {
    name: 'a flag without its value',
    argv: ['check', ...C, '--now'],
    code: 2,
    says: /option '--now <instant>' argument missing/,
  },
];

let dir: string;
beforeEach(() => {
  dir = tempDir();
  writeConfig(dir, CONFIG);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the adversarial suite: CLI misuse', () => {
  it('holds at least 30 misuses', () => {
    expect(MISUSES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MISUSES.map((m) => [m.name, m] as const))(
    '%s: exits with its code, names what is wrong, writes nothing',
    async (_, m) => {
      const run = await cli([...m.argv], { cwd: dir, now: NOW });

      expect(run.code).toBe(m.code);
      expect(run.stderr).toMatch(m.says);
      expect(fs.readdirSync(dir)).toEqual(['renewal-guard.yaml']);
    },
  );

  it('refuses a damaged store with exit 1, naming it and the way out, and keeps its seal', async () => {
    // Prepare: a store holding a ledger, whose log then loses its tail
    await cli(['check', ...C, '--store', 'store'], { cwd: dir, now: NOW });
    const store = path.join(dir, 'store');
    const log = fs
      .readdirSync(store)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .pop()!;
    fs.truncateSync(path.join(store, log), fs.statSync(path.join(store, log)).size - 600);
    const seal = fs.readFileSync(path.join(store, 'renewal-guard-seal.json'), 'utf8');

    // Act
    const run = await cli(['check', ...C, '--store', 'store'], { cwd: dir, now: NOW });

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/store .*store is damaged[\s\S]*mv .*store .*store\.damaged[\s\S]*--repair-store/);
    expect(fs.readFileSync(path.join(store, 'renewal-guard-seal.json'), 'utf8')).toBe(seal);
  });
});
