import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import type { AccountConfig } from '../../core/model';
import { demoAccounts, demoFixtures, startVendorSandbox } from '../../sandbox';
import { DEFAULT_RATE_LIMITS, ResilientHttp } from '../../vendors/http/resilient-http';
import { type CliIo, printJson } from '../cli-io';
import { checkCommand } from './check';
import { previewCommand } from './preview';
import { validateCommand } from './validate';

export interface DemoOptions {
  readonly json?: boolean;
  /** Keep the demo's folder (config and store) instead of removing it. */
  readonly keep?: boolean;
}

/**
 * A self-contained tour on an embedded store: no AWS account, no network. It walks a team through the
 * 2026 National Day holidays in China, where a reminder due on a holiday must come before it.
 */
export const DEMO_CONFIG = `# RenewalGuard demo: a live-streaming team in Shanghai
version: 1
timeZone: Asia/Shanghai
checkTime: "09:30"
calendar: CN                  # official holidays and make-up workdays
reminderDays: [60, 30, 15, 7, 1]

accounts:
  - id: contracts
    vendor: manual            # dates from contracts, no API to poll
  # + the vendor accounts of the local sandbox, added by the demo (see below)

services:
  - id: live-rtc
    name: Live app RTC (Agora)
    project: live-app
    account: contracts
    kind: subscription
    expiresOn: 2026-10-09
    owners: [alice@example.com]
    criticality: core
    reminderDays: [60, 30, 15, 7, 1]
  - id: voice-room
    name: 语音房 TRTC package
    project: voice-room
    account: contracts
    kind: package
    expiresOn: 2026-10-20
    owners: [bob@example.com, finance@example.com]
    reminderDays: [30, 15, 7, 1]
  - id: calls-contract
    name: 1-on-1 calling contract
    project: calls
    kind: contract
    expiresOn: 2026-10-03
    owners: [carol@example.com]
    channels: [ops]

channels:
  - id: ops
    type: email
    to: [tech-lead@example.com, finance@example.com]
`;

export async function demoCommand(options: DemoOptions, io: CliIo): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-demo-'));
  const config = path.join(dir, 'renewal-guard.yaml');
  const store = path.join(dir, 'store');
  const secrets = path.join(dir, 'secrets.json');
  const cycle = '2026-09-30T09:30:00+08:00';
  const later = '2026-10-08T09:30:00+08:00';
  // The simulated clock starts at the cycle and runs at wall-clock speed: per-vendor rate limits space
  // calls by the time that passes, so a clock that stood still would make every later call wait longer.
  let simulatedFrom = Date.parse(cycle);
  let wallFrom = Date.now();
  const clock = () => new Date(simulatedFrom + (Date.now() - wallFrom));
  // the vendors' documented APIs, answered on loopback from realistic data: no network, no accounts
  const sandbox = await startVendorSandbox({ fixtures: demoFixtures(clock()), clock });
  const vendor = demoAccounts(sandbox, clock());
  const document = withAccounts(DEMO_CONFIG, vendor.accounts);
  fs.writeFileSync(config, document);
  fs.writeFileSync(secrets, JSON.stringify(vendor.secrets, null, 2));
  const steps: { step: string; output: unknown }[] = [];
  const quiet = captureJson(io, steps);
  const say = (text: string) => {
    if (!options.json) io.stdout(text);
  };
  const run = async (step: string, fn: (io: CliIo) => number | Promise<number>) => {
    if (options.json) await fn(quiet(step));
    else await fn(io);
  };
  // the sandbox checks request signatures against its own (simulated) clock, so the client signs on it too;
  // per-vendor rate limits protect the real APIs, and the loopback sandbox is not one of them
  const unlimited = Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((v) => [v, Infinity]));
  const http = new ResilientHttp({ clock, rateLimits: unlimited });
  const check = (now: string) => (x: CliIo) =>
    checkCommand({ config, now, store, secrets, http, json: options.json }, x);

  try {
    say(`RenewalGuard demo — everything runs on this machine: an embedded registry in ${dir} and a\n`);
    say(`vendor sandbox at ${sandbox.url} that answers each vendor's documented billing API.\n\n`);
    say(`1. The config (${config}):\n\n${indent(document)}\n`);
    say('2. validate — every problem is reported with its path before anything runs:\n\n');
    await run('validate', (x) => validateCommand({ config, json: options.json }, x));

    say('\n3. preview — what will fire over the next 60 days. live-rtc expires on 2026-10-09; its 7-day\n');
    say('   reminder falls on 2026-10-02, inside the National Day holidays (10-01..10-07), so it comes on\n');
    say('   the last working day before them, 2026-09-30:\n\n');
    // no store yet (check makes it): preview from the demo's folder, where no default store exists either
    await run('preview', (x) =>
      previewCommand({ config, from: '2026-09-01', days: '60', json: options.json }, { ...x, cwd: dir }),
    );

    say(`\n4. check — the daily cycle at ${cycle}: polls every vendor account (balances, runway,\n`);
    say("   subscriptions and packages they report), and claims each due alert in the registry's ledger:\n\n");
    await run('check', check(cycle));

    say('\n5. check again — the same cycle retried (or run twice) fires nothing new; each key fires once:\n\n');
    await run('check-again', check(cycle));

    say('\n6. preview again — now that a check has stored balances, it also forecasts the balance and runway\n');
    say('   alerts of the next 30 days, as each account spends at its current rate:\n\n');
    await run('preview-with-balances', (x) =>
      previewCommand({ config, from: '2026-09-30', days: '30', store, json: options.json }, x),
    );

    fs.writeFileSync(config, document.replace('expiresOn: 2026-10-09', 'expiresOn: 2027-10-09'));
    simulatedFrom = Date.parse(later);
    wallFrom = Date.now();
    say(`\n7. live-rtc is renewed to 2027-10-09. The cycle on ${later} confirms the renewal once and sends none\n`);
    say("   of the old date's reminders — a renewal starts a fresh set of tiers — while the other services keep\n");
    say('   theirs:\n\n');
    await run('check-after-renewal', check(later));

    say('\nTry it on your own services: write a renewal-guard.yaml like the one above, then\n');
    say('  npx renewal-guard validate --config renewal-guard.yaml\n');
    say('  npx renewal-guard preview --config renewal-guard.yaml --days 90\n');
    say('  npx renewal-guard check --config renewal-guard.yaml\n');
    if (options.json) printJson(io, { dir: options.keep ? dir : undefined, steps });
    return 0;
  } finally {
    await sandbox.stop();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo document with the sandbox's accounts appended to its accounts section, as a user would write them. */
function withAccounts(document: string, accounts: readonly AccountConfig[]): string {
  const entries = accounts.map(({ options: extras, ...account }) => ({
    ...account,
    ...(account.vendor === 'twilio' ? { balance: { minRunwayDays: 20 } } : {}),
    ...extras,
  }));
  const yaml = stringify(entries, { flow: false }).replace(/^/gm, '  ').trimEnd();
  return document.replace(
    '  # + the vendor accounts of the local sandbox, added by the demo (see below)\n',
    `${yaml}\n`,
  );
}

/** An io for `--json`: each step's stdout document is collected instead of printed. */
function captureJson(io: CliIo, steps: { step: string; output: unknown }[]) {
  return (step: string): CliIo => ({
    ...io,
    stdout: (text: string) => steps.push({ step, output: JSON.parse(text) }),
  });
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `   ${l}` : l))
    .join('\n');
}
