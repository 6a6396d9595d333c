/**
 * `check --send` and owner email: with no SES on this machine, the command prints what each owner would
 * get and records nothing for them (as for the email channels SNS delivers when deployed); `--ses`
 * without `--send` is refused.
 */
import * as fs from 'fs';
import { cli, tempDir, writeConfig } from './cli-harness';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-09-30T09:30:00+08:00';

function config(ownerEmail: string): string {
  return `version: 1
timeZone: Asia/Shanghai
calendar: CN
language: zh-CN
services:
  - { id: live-rtc, name: Live app RTC, project: live-app, kind: subscription, expiresOn: 2026-10-09, owners: [alice@example.com, dave@example.com] }
  - { id: voice-room, name: 语音房, project: voice, kind: package, expiresOn: 2026-10-20, owners: [bob@example.com] }
${ownerEmail}
`;
}

describe('renewal-guard check --send and owner email', () => {
  it('prints the email each owner would get, in the document language, and sends none', async () => {
    // Prepare
    const file = writeConfig(dir, config('ownerEmail: { from: renewal-guard@example.com }'));

    // Act
    const run = await cli(['check', '--config', file, '--now', NOW, '--send'], { cwd: dir });

    // Assess
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /\nOwner email \(\d+, zh-CN\): not sent from here, the deployed guard sends it by Amazon SES \(add --ses to send it now with your AWS credentials\)\n/,
    );
    // the expiry reminders (CN's October holidays add a holiday-readiness notice, which owners get too)
    const headers = [...run.stdout.matchAll(/^From: (.*)\nTo: (.*)\nSubject: (.*)$/gm)].map((m) => [m[1], m[2], m[3]]);
    const expiry = headers.filter(([, , subject]) => subject!.includes('到期'));
    expect(expiry.map(([from, to]) => [from, to]).sort()).toEqual([
      ['renewal-guard@example.com', 'alice@example.com'],
      ['renewal-guard@example.com', 'bob@example.com'],
      ['renewal-guard@example.com', 'dave@example.com'],
    ]);
    for (const [, , subject] of headers) expect(subject).toMatch(/^【(严重|警告)】/);
    expect(run.stdout).toContain('RenewalGuard · live-rtc:expiry:2026-10-09:7');
  });

  it('adds them to --json as ownerEmails, and records no owner as delivered', async () => {
    const file = writeConfig(dir, config('ownerEmail: { from: renewal-guard@example.com, minSeverity: critical }'));

    const run = await cli(['check', '--config', file, '--now', NOW, '--send', '--json'], { cwd: dir });

    const report = JSON.parse(run.stdout);
    // minSeverity critical: the 15-day warning of voice-room is not an owner's
    expect(report.ownerEmails.map((e: { to: string }) => e.to)).toEqual(['alice@example.com', 'dave@example.com']);
    expect(report.deliveries ?? []).toEqual([]);
  });

  it('prints no owner email without --send, nor with owner email turned off', async () => {
    const on = writeConfig(dir, config('ownerEmail: { from: renewal-guard@example.com }'));
    const quiet = await cli(['check', '--config', on, '--now', NOW], { cwd: dir });
    const off = writeConfig(dir, config('ownerEmail: { enabled: false }'), 'off.yaml');
    const disabled = await cli(['check', '--config', off, '--now', NOW, '--send', '--store', 'other'], { cwd: dir });

    expect(quiet.stdout).not.toContain('Owner email');
    expect(disabled.stdout).not.toContain('Owner email');
  });

  it('refuses --ses without --send', async () => {
    const file = writeConfig(dir, config('ownerEmail: { from: renewal-guard@example.com }'));

    const run = await cli(['check', '--config', file, '--now', NOW, '--ses'], { cwd: dir });

    expect(run).toMatchObject({ code: 2, stderr: 'renewal-guard: --ses sends owner email and needs --send\n' });
  });
});
