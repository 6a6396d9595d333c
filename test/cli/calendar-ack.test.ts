import * as fs from 'fs';
import * as path from 'path';
import { cli, CONFIG, CONFIG_FOLLOWING_RTC_1, storeWithRenewedRtc1, tempDir, writeConfig } from './cli-harness';
import { parsedEvents } from '../ics/parse-ics';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const KEY = 'live-rtc:expiry:2026-10-09:7';

describe('renewal-guard calendar', () => {
  it('writes one event per expiry with its alarms, and says so', async () => {
    const config = writeConfig(dir);

    const run = await cli(['calendar', '--config', config, '--out', 'expiries.ics'], { cwd: dir });

    expect(run).toEqual({
      code: 0,
      stdout:
        'Wrote 2 events to expiries.ics: one per expiry, alarmed at each reminder (09:30 Asia/Shanghai). ' +
        "Import it, or subscribe to the deployed guard's /calendar.ics.\n",
      stderr: '',
    });
    // the harness clock is 2026-09-30T09:30+08:00: reminders of that instant and earlier are past
    const events = parsedEvents(fs.readFileSync(path.join(dir, 'expiries.ics'), 'utf8'));
    expect(events.map((e) => [e.uid, e.summary, e.alarms.map((a) => a.trigger)])).toEqual([
      [
        'live-rtc-2026-10-09@renewal-guard',
        'Live app RTC expires',
        ['2026-10-08T01:30:00.000Z', '2026-10-09T01:30:00.000Z'],
      ],
      [
        'voice-room-2026-10-20@renewal-guard',
        '语音房 expires',
        ['2026-10-13T01:30:00.000Z', '2026-10-19T01:30:00.000Z', '2026-10-20T01:30:00.000Z'],
      ],
    ]);
  });

  it('dates a service that follows its entitlement at the expiry the last check saw at the vendor', async () => {
    // Prepare: live-rtc follows rtc-1, which the last poll saw renewed from 2026-10-09 to 2027-10-09
    const config = writeConfig(dir, CONFIG_FOLLOWING_RTC_1);
    await storeWithRenewedRtc1(path.join(dir, '.renewal-guard'));

    const run = await cli(['calendar', '--config', config, '--out', 'expiries.ics'], { cwd: dir });

    expect(run.code).toBe(0);
    const events = parsedEvents(fs.readFileSync(path.join(dir, 'expiries.ics'), 'utf8'));
    // events come in date order: the renewed service now after the other
    expect(events.map((e) => e.uid)).toEqual([
      'voice-room-2026-10-20@renewal-guard',
      'live-rtc-2027-10-09@renewal-guard',
    ]);
  });

  it('exits 2 naming --store when the store given does not exist', async () => {
    const config = writeConfig(dir);

    const run = await cli(['calendar', '--config', config, '--out', 'expiries.ics', '--store', 'nowhere'], {
      cwd: dir,
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--store: ${path.join(dir, 'nowhere')} does not exist`);
    expect(fs.existsSync(path.join(dir, 'expiries.ics'))).toBe(false);
  });

  it('prints { out, events } with --json and nothing else on stdout', async () => {
    const config = writeConfig(dir);

    const run = await cli(['calendar', '--config', config, '--out', 'expiries.ics', '--json', '--name', 'Ops'], {
      cwd: dir,
    });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ out: path.join(dir, 'expiries.ics'), events: 2 });
    expect(fs.readFileSync(path.join(dir, 'expiries.ics'), 'utf8')).toContain('\r\nX-WR-CALNAME:Ops\r\n');
  });

  it('exits 2 with one line when --out is missing', async () => {
    const config = writeConfig(dir);

    const run = await cli(['calendar', '--config', config], { cwd: dir });

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'renewal-guard: --out FILE is required (where to write the .ics file)\n',
    });
  });

  it('exits 2 with one line when --out cannot be written', async () => {
    const config = writeConfig(dir);

    const run = await cli(['calendar', '--config', config, '--out', 'no-such-dir/expiries.ics'], { cwd: dir });

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'renewal-guard: --out: cannot write no-such-dir/expiries.ics (ENOENT)\n',
    });
  });

  it('exits 2 with the config problems when the document is invalid, writing nothing', async () => {
    const config = writeConfig(dir, CONFIG.replace('expiresOn: 2026-10-09', 'expiresOn: 2026-02-30'));

    const run = await cli(['calendar', '--config', config, '--out', 'expiries.ics'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)\n' +
        'renewal-guard: renewal-guard.yaml is invalid (1 problem)\n',
    );
    expect(fs.existsSync(path.join(dir, 'expiries.ics'))).toBe(false);
  });
});

describe('renewal-guard ack', () => {
  it('records an acknowledgement in the embedded store, and a second call says it was already there', async () => {
    const config = writeConfig(dir);

    const first = await cli(['ack', KEY, '--config', config, '--store', 'store', '--by', 'alice'], { cwd: dir });
    const second = await cli(['ack', KEY, '--config', config, '--store', 'store', '--by', 'bob'], {
      cwd: dir,
      now: '2026-09-30T10:00:00+08:00',
    });

    expect(first).toEqual({
      code: 0,
      stdout:
        `Acknowledged ${KEY} (Live app RTC, 7 days before its expiry on 2026-10-09) as alice at 2026-09-30T09:30:00+08:00.\n` +
        'Its repeats and escalations stop; the next reminder still comes, and a renewal clears this one.\n',
      stderr: '',
    });
    expect(second).toEqual({
      code: 0,
      stdout:
        `${KEY} (Live app RTC, 7 days before its expiry on 2026-10-09) was already acknowledged by alice at ` +
        '2026-09-30T09:30:00+08:00; nothing changed.\n',
      stderr: '',
    });
  });

  it("records the key of an escalation or a repeat on its episode's key, which the other then finds", async () => {
    const config = writeConfig(dir);
    const store = ['--config', config, '--store', 'store', '--by', 'alice'];

    const escalated = await cli(['ack', `${KEY}:escalated`, ...store], { cwd: dir });
    const repeat = await cli(['ack', `${KEY}:repeat:2026-10-01`, ...store, '--json'], { cwd: dir });

    expect(escalated.stdout.split('\n')[0]).toBe(
      `Acknowledged ${KEY} (Live app RTC, 7 days before its expiry on 2026-10-09) as alice at 2026-09-30T09:30:00+08:00.`,
    );
    expect(JSON.parse(repeat.stdout)).toMatchObject({ key: KEY, status: 'already' });
  });

  it('snoozes for a number of days, and prints JSON with --json', async () => {
    const config = writeConfig(dir);

    const run = await cli(['ack', KEY, '--config', config, '--store', 'store', '--snooze', '3', '--json'], {
      cwd: dir,
      env: { USER: 'carol' },
    });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      key: KEY,
      status: 'recorded',
      acknowledgement: { key: KEY, by: 'carol', at: '2026-09-30T01:30:00.000Z', until: '2026-10-03T01:30:00.000Z' },
    });
  });

  it('acknowledges an account alert by the account it names', async () => {
    const config = writeConfig(dir);

    const run = await cli(
      ['ack', 'contracts:blind-spot:2026-09-29T01:30:00.000Z', '--config', config, '--store', 's'],
      {
        cwd: dir,
      },
    );

    expect(run.stdout.split('\n')[0]).toBe(
      'Acknowledged contracts:blind-spot:2026-09-29T01:30:00.000Z (account contracts, blind-spot) as cli at 2026-09-30T09:30:00+08:00.',
    );
  });

  it('acknowledges a guard-wide alert that check printed, as its acknowledge link does', async () => {
    // Prepare: the readiness notice before National Day is about project live-app, not one service
    const config = writeConfig(dir);
    const key = '_guard:holiday-readiness:2026-10-01:live-app';

    // Act
    const run = await cli(['ack', key, '--config', config, '--store', 's'], { cwd: dir });

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      `Acknowledged ${key} (the guard, holiday-readiness) as cli at 2026-09-30T09:30:00+08:00.`,
    );
  });

  it('exits 2 for a key that names nothing in the config, without opening the store', async () => {
    const config = writeConfig(dir);

    const run = await cli(['ack', 'live-rtx:expiry:2026-10-09:7', '--config', config, '--store', 'store'], {
      cwd: dir,
    });

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'renewal-guard: "live-rtx:expiry:2026-10-09:7" names no service or account of renewal-guard.yaml; ' +
        'alert keys look like live-rtc:expiry:2026-10-09:7 (see check or preview)\n',
    });
    expect(fs.existsSync(path.join(dir, 'store'))).toBe(false);
  });

  it.each([
    ['0', '--snooze: "0" must be a whole number of days from 1 to 90'],
    ['91', '--snooze: "91" must be a whole number of days from 1 to 90'],
    ['1.5', '--snooze: "1.5" must be a whole number of days from 1 to 90'],
  ])('exits 2 for --snooze %s', async (days, message) => {
    const config = writeConfig(dir);

    const run = await cli(['ack', KEY, '--config', config, '--snooze', days], { cwd: dir });

    expect(run).toEqual({ code: 2, stdout: '', stderr: `renewal-guard: ${message}\n` });
  });

  it('exits 2 when the key is missing', async () => {
    const config = writeConfig(dir);

    const run = await cli(['ack', '--config', config], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: missing required argument 'key'\n");
  });
});
