/**
 * `check --send` end to end on one machine: every chat, webhook and PagerDuty channel posts to a local
 * receiver that checks what the platform checks (DingTalk and Feishu signatures; Slack, Teams, WeCom,
 * webhook and PagerDuty shapes). Throttling and server faults are retried; a channel that keeps failing
 * does not block the others and is reported.
 */
import * as fs from 'fs';
import { cli, tempDir, writeConfig } from './cli-harness';
import { LocalSecretResolver } from '../../lambda/cli/local-secrets';
import { PLATFORMS, PlatformReceivers } from '../support/receivers';

let receivers: PlatformReceivers;
let dir: string;
beforeEach(async () => {
  receivers = await PlatformReceivers.start({ now: () => Date.now() }); // the CLI signs with the real clock
  dir = tempDir();
});
afterEach(async () => {
  await receivers.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function config(): string {
  const channels = PLATFORMS.map((p) => `  - { id: ${p}-ch, type: ${p}, secret: renewal-guard/${p} }`).join('\n');
  return `version: 1
timeZone: Asia/Shanghai
calendar: CN
services:
  - { id: live-rtc, name: Live app RTC, project: live-app, kind: subscription, expiresOn: 2026-10-09, owners: [alice@example.com] }
  - { id: voice-room, name: 语音房, project: voice, kind: package, expiresOn: 2026-10-20, owners: [bob@example.com] }
channels:
${channels}
`;
}

function secretsEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    PLATFORMS.map((p) => [LocalSecretResolver.envVarFor(`renewal-guard/${p}`), JSON.stringify(receivers.secrets[p])]),
  );
}

describe('renewal-guard check --send', () => {
  it('delivers to every platform, retrying throttling and faults, and reports the channel that keeps failing', async () => {
    // Prepare: DingTalk throttles once, Slack fails once, Teams keeps failing
    const file = writeConfig(dir, config());
    receivers.failNext('dingtalk', { times: 1, throttle: true });
    receivers.failNext('slack', { times: 1, status: 500 });
    receivers.failNext('teams', { times: 100, status: 500 });

    // Act
    const run = await cli(['check', '--config', file, '--now', '2026-09-30T09:30:00+08:00', '--send', '--json'], {
      cwd: dir,
      env: secretsEnv(),
    });

    // Assess: the three alerts (two tiers, and the readiness notice of National Day's eve: a guard notice
    // without a service, which every platform's shape check accepts too) reached every platform but Teams,
    // which is reported and fails the command
    const report = JSON.parse(run.stdout);
    expect(report.alerts.map((a: { key: string }) => a.key)).toEqual([
      '_guard:holiday-readiness:2026-10-01:live-app',
      'live-rtc:expiry:2026-10-09:7',
      'voice-room:expiry:2026-10-20:15',
    ]);
    for (const platform of PLATFORMS.filter((p) => p !== 'teams')) {
      expect({ platform, accepted: receivers.accepted(platform).length }).toEqual({ platform, accepted: 3 });
    }
    expect(receivers.accepted('teams')).toEqual([]);
    const statuses = report.deliveries.map((d: { target: string; status: string }) => `${d.target}:${d.status}`);
    expect(statuses.filter((s: string) => s.endsWith(':failed'))).toEqual([
      'channel:teams-ch:failed',
      'channel:teams-ch:failed',
      'channel:teams-ch:failed',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "renewal-guard: 3 deliveries to teams-ch failed; they stay in the store's outbox and a later check --send retries them\n",
    );
  }, 120_000);

  it('signs DingTalk and Feishu posts so their receivers accept them, and never prints a webhook secret', async () => {
    const file = writeConfig(dir, config());

    const run = await cli(['check', '--config', file, '--now', '2026-09-30T09:30:00+08:00', '--send'], {
      cwd: dir,
      env: secretsEnv(),
    });

    expect(run.code).toBe(0);
    expect(receivers.accepted('dingtalk')[0].query.get('sign')).toBeTruthy();
    expect(receivers.accepted('feishu')[0].body).toMatchObject({ sign: expect.any(String) });
    const everySecret = PLATFORMS.flatMap((p) => Object.values(receivers.secrets[p]));
    expect(everySecret.filter((s) => run.stdout.includes(s) || run.stderr.includes(s))).toEqual([]);
  }, 120_000);
});
