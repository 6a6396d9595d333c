/**
 * `renewal-guard demo` on the vendor sandbox: the daily cycle shows a balance and a runway for every
 * vendor that reports spend — Agora (priced usage), Tencent (TRTC minutes priced with the demo's
 * declared table), Alibaba (its daily bills) and Twilio (usage records with price) — and still lists
 * what the vendors report expiring.
 */
import * as fs from 'fs';
import { cli, tempDir } from './cli-harness';

let dir: string;
let stdout: string;
let code: number;

beforeAll(async () => {
  dir = tempDir();
  ({ code, stdout } = await cli(['demo'], { cwd: dir }));
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The Accounts table of the first check (step 4), one row per account id. */
function firstCycleAccounts(): Map<string, string[]> {
  const step = stdout.slice(stdout.indexOf('4. check'), stdout.indexOf('5. check again'));
  const table = step.slice(step.indexOf('\nAccounts\n'), step.indexOf('\nDiscovered at the vendors'));
  const rows = table
    .split('\n')
    .filter((l) => /^[a-z0-9-]+ {2,}/.test(l))
    .map((l) => l.split(/ {2,}/).map((cell) => cell.trim()));
  return new Map(rows.map((cells) => [cells[0], cells.slice(1)]));
}

describe('renewal-guard demo', () => {
  it('shows a balance and a runway for the Agora, Tencent, Alibaba and Twilio accounts', () => {
    expect(code).toBe(0);
    const accounts = firstCycleAccounts();

    expect(accounts.get('tencent-intl')).toEqual(['tencent', 'ok', '1823.50 USD', '52.3 days']);
    expect(accounts.get('alibaba-main')).toEqual(['alibaba', 'ok', '3260.45 CNY', '33.3 days']);
    for (const id of ['agora-main', 'twilio-video']) {
      const [, status, balance, runway] = accounts.get(id) ?? [];
      expect([id, status]).toEqual([id, 'ok']);
      expect(balance).toMatch(/^\d+\.\d{2} USD/);
      expect(runway).toMatch(/^\d+(\.\d)? days$/);
    }
  });

  it('keeps the runway on the later cycle, eight days on', () => {
    const later = stdout.slice(stdout.indexOf('7. live-rtc is renewed'));
    expect(later).toMatch(/^tencent-intl +tencent +ok +1823\.50 USD +\d+(\.\d)? days$/m);
    expect(later).toMatch(/^alibaba-main +alibaba +ok +3260\.45 CNY +\d+(\.\d)? days$/m);
  });

  it('still lists the subscriptions, plans and packages the vendors report, with their expiry', () => {
    const step = stdout.slice(stdout.indexOf('4. check'), stdout.indexOf('5. check again'));
    expect(step).toMatch(/^alibaba-main +rtc rtc-cn-demo0live01 +2026-11-09 +off/m);
    expect(step).toMatch(/^alibaba-main +ARTC audio\/video minutes plan +2027-03-14 +- +184250 Minute/m);
    expect(step).toMatch(/^agora-main +Agora RTC Pro prepaid plan .* +2026-09-30 +on/m);
  });
});
