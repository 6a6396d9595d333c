import { randomUUID } from 'crypto';
import * as path from 'path';
import { stringify } from 'yaml';
import { runCycle, type CycleReport } from '../../app/run-cycle';
import { SesEmailSender } from '../../aws/ses-email-sender';
import { formatOffsetDateTime, parseInstant, SUPPORTED_YEARS } from '../../core/dates';
import type { OutgoingEmail } from '../../core/delivery-port';
import type { GuardConfig } from '../../core/model';
import type { Registry } from '../../core/registry-port';
import type { VendorHttp } from '../../core/vendor-http-port';
import { channelPublishers, ownerEmailPublishers } from '../../delivery';
import { defaultVendorAdapters } from '../../vendors';
import { ResilientHttp } from '../../vendors/http/resilient-http';
import { CliError, type CliIo, printJson } from '../cli-io';
import { openEmbeddedStore } from '../embedded-store';
import { loadCliConfig, printWarnings } from '../load-cli-config';
import { LocalSecretResolver } from '../local-secrets';
import { ownerEmailsFor, printOwnerEmails } from '../owner-email-preview';
import { alertSubject, renderTable } from '../table';
import { tableRegistry } from '../table-registry';

export interface CheckOptions {
  readonly config?: string;
  readonly now?: string;
  readonly store?: string;
  readonly table?: string;
  readonly secrets?: string;
  /** Deliver to the configured chat, webhook and PagerDuty channels (email and SMS go through SNS when deployed). */
  readonly send?: boolean;
  /** With `send`: email the owners through Amazon SES (AWS credentials from the environment); else they are printed. */
  readonly ses?: boolean;
  readonly json?: boolean;
  /** Accept an embedded store whose database is behind its seal (see store-seal.ts), keeping what survived. */
  readonly repairStore?: boolean;
  /**
   * The vendor HTTP client (not a command-line option). Real vendors check signatures against their own
   * clock, so the default signs with the real time even when `--now` simulates another cycle time; the
   * demo's sandbox lives at the simulated time and passes a client on that clock.
   */
  readonly http?: VendorHttp;
}

export const DEFAULT_STORE_DIR = '.renewal-guard';

export async function checkCommand(options: CheckOptions, io: CliIo): Promise<number> {
  const { config, warnings } = loadCliConfig(options.config, io);
  const now = parseNow(options.now, io);
  if (options.store && options.table) throw new CliError('--store and --table are alternatives; give one', 2);

  const storeDir = path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR);
  const secrets = new LocalSecretResolver({
    env: io.env,
    file: path.resolve(io.cwd, options.secrets ?? path.join(storeDir, 'secrets.json')),
  });
  const report = await withRegistry(options, storeDir, async (registry, declaredHere) => {
    // the deployed guard syncs on deploy; locally, the config file is the declaration, so every check syncs
    if (declaredHere) await registry.syncDeclaredServices(config.services, now.toISOString());
    if (options.ses && !options.send) throw new CliError('--ses sends owner email and needs --send', 2);
    const owners = options.ses ? ownerEmailPublishers(config, { sender: new SesEmailSender() }) : [];
    const publishers = options.send ? [...channelPublishers(config, { secrets }), ...owners] : [];
    const deps = {
      registry,
      vendors: defaultVendorAdapters(),
      secrets,
      http: options.http ?? new ResilientHttp(),
      publishers,
    };
    return runCycle(config, deps, now, cycleId(now));
  });
  // without --ses, owners are shown what they would get; nothing is recorded for them
  const ownerEmails: OutgoingEmail[] = options.send && !options.ses ? await ownerEmailsFor(config, report.alerts) : [];

  if (options.json) {
    printJson(io, {
      ...checkJson(report),
      ...(ownerEmails.length > 0 && {
        ownerEmails: ownerEmails.map(({ to, subject, text }) => ({ to, subject, text })),
      }),
    });
  } else {
    printWarnings(io, warnings);
    printReport(io, config, report, options.table ? `table ${options.table}` : `store ${storeDir}`);
    printOwnerEmails(io, config, ownerEmails);
  }
  const failed = report.deliveries.filter((d) => d.status === 'failed');
  if (failed.length === 0) return 0;
  const channels = [...new Set(failed.map((d) => d.target.replace(/^channel:/, '')))].join(', ');
  io.stderr(
    `renewal-guard: ${failed.length} deliveries to ${channels} failed; they stay in the store's outbox ` +
      'and a later check --send retries them\n',
  );
  return 1;
}

async function withRegistry<T>(
  options: CheckOptions,
  storeDir: string,
  fn: (registry: Registry, declaredHere: boolean) => Promise<T>,
): Promise<T> {
  if (options.table) {
    // a real table is the deployed guard's: its services come from deploys, so the file is not synced into it
    return fn(await tableRegistry(options.table), false);
  }
  const store = await openEmbeddedStore({ dir: storeDir, repair: options.repairStore === true });
  try {
    return await fn(store.registry, true);
  } finally {
    await store.close();
  }
}

function parseNow(value: string | undefined, io: CliIo): Date {
  if (value === undefined) return io.now();
  // strict: Date would roll 2026-02-30 over to March 2 and T24:00 to the next day, silently
  const instant = parseInstant(value);
  if (!instant) {
    throw new CliError(
      `--now: ${JSON.stringify(value)} is not a real instant: give ISO-8601 with an offset, e.g. ` +
        `2026-09-30T09:30:00+08:00 (a day that exists, hours 00-23, years ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last})`,
      2,
    );
  }
  return instant;
}

function cycleId(now: Date): string {
  return `cli-${now.toISOString()}-${randomUUID().slice(0, 8)}`;
}

/** The contract's `check --json` document (section 4). */
export function checkJson(report: CycleReport) {
  return {
    now: report.now,
    accounts: report.accounts.map((a) => ({
      id: a.id,
      vendor: a.vendor,
      status: a.status,
      ...(a.balance ? { balance: a.balance } : {}),
      ...(a.dailySpend !== undefined ? { dailySpend: a.dailySpend } : {}),
      ...(a.runwayDays !== undefined ? { runwayDays: a.runwayDays } : {}),
      ...(a.snapshot && a.snapshot.entitlements.length > 0 ? { entitlements: a.snapshot.entitlements } : {}),
      ...(a.error ? { error: a.error } : {}),
    })),
    alerts: report.alerts.map((a) => ({
      key: a.key,
      serviceId: a.serviceId,
      kind: a.kind,
      tier: a.tier,
      daysLeft: a.daysLeft,
      severity: a.severity,
      channels: a.channels,
      message: a.message,
      project: a.project,
      expiresOn: a.expiresOn,
      owners: a.owners,
    })),
    ...(report.deliveries.length > 0 ? { deliveries: report.deliveries } : {}),
    ...(report.held.length > 0 ? { held: report.held } : {}),
    ...(report.notInInventory?.length ? { notInInventory: report.notInInventory } : {}),
  };
}

function printReport(io: CliIo, config: GuardConfig, report: CycleReport, where: string): void {
  io.stdout(
    `Cycle at ${report.now} (${config.timeZone}, calendar ${config.calendar.spec}) on ${where}: ` +
      `${report.servicesEvaluated} service${report.servicesEvaluated === 1 ? '' : 's'} evaluated.\n`,
  );
  if (report.accounts.length > 0) {
    io.stdout('\nAccounts\n');
    io.stdout(
      renderTable(
        ['account', 'vendor', 'status', 'balance', 'runway'],
        report.accounts.map((a) => [
          a.id,
          a.vendor,
          a.status,
          a.balance
            ? `${a.balance.exact ?? a.balance.amount} ${a.balance.currency}${a.balance.estimated ? ' (estimated)' : ''}`
            : '-',
          a.runwayDays === undefined ? '-' : `${a.runwayDays} days`,
        ]),
      ),
    );
    for (const a of report.accounts.filter((x) => x.error)) io.stdout(`  ${a.id} could not be read: ${a.error}\n`);
    const discovered = report.accounts.flatMap((a) =>
      (a.snapshot?.entitlements ?? []).map((e) => [
        a.id,
        e.name,
        e.expiresOn ?? '-',
        e.autoRenew === undefined ? '-' : e.autoRenew ? 'on' : 'off',
        e.remaining === undefined ? '-' : `${e.remaining}${e.unit ? ` ${e.unit}` : ''}`,
      ]),
    );
    if (discovered.length > 0) {
      io.stdout('\nDiscovered at the vendors (subscriptions, plans, packages)\n');
      io.stdout(renderTable(['account', 'entitlement', 'expires on', 'auto-renew', 'remaining'], discovered));
    }
    printNotInInventory(io, report);
  }
  if (report.alerts.length === 0) {
    io.stdout('\nNo new alerts: nothing is due that was not already sent.\n');
    return;
  }
  io.stdout(`\nAlerts fired this cycle (${report.alerts.length})\n`);
  io.stdout(
    renderTable(
      ['severity', 'subject', 'kind', 'tier', 'days left', 'channels', 'key'],
      report.alerts.map((a) => [
        a.severity,
        alertSubject(a),
        a.followUp ? `${a.kind} (${a.followUp})` : a.kind,
        a.tier === undefined ? '-' : a.tier === 0 ? 'expiry' : `${a.tier}d`,
        a.daysLeft === undefined ? '-' : String(a.daysLeft),
        a.channels.join(',') || '(none)',
        a.key,
      ]),
    ),
  );
  for (const a of report.alerts) io.stdout(`\n  ${a.message}`);
  io.stdout('\n');
  printHeld(io, config, report);
  printDeliveries(io, config, report);
}

function printHeld(io: CliIo, config: GuardConfig, report: CycleReport): void {
  if (report.held.length === 0) return;
  const quiet = config.quietHours ? ` (${config.quietHours.from}–${config.quietHours.to})` : '';
  io.stdout(`\nHeld until quiet hours${quiet} end\n`);
  io.stdout(
    renderTable(
      ['alert', 'not before'],
      report.held.map((h) => [h.key, formatOffsetDateTime(new Date(h.notBefore), config.timeZone)]),
    ),
  );
}

function printDeliveries(io: CliIo, config: GuardConfig, report: CycleReport): void {
  if (report.deliveries.length === 0) return;
  io.stdout('\nDeliveries\n');
  io.stdout(
    renderTable(
      ['channel', 'alert', 'status', 'reason'],
      report.deliveries.map((d) => [d.target.replace(/^channel:/, ''), d.key, d.status, d.error ?? '']),
    ),
  );
  const viaSns = config.channels.filter((c) => c.type === 'email' || c.type === 'sms').map((c) => c.id);
  if (viaSns.length > 0) {
    io.stdout(
      `\n${viaSns.join(', ')}: email and SMS are delivered by the deployed guard's SNS topic, not from here.\n`,
    );
  }
}

/** Discovery: each reported entitlement no service claims, with the entry that would claim it. */
function printNotInInventory(io: CliIo, report: CycleReport): void {
  const found = report.notInInventory ?? [];
  if (found.length === 0) return;
  io.stdout(`\nNot in the inventory (${found.length}): reported by a vendor, claimed by no service\n`);
  io.stdout(
    renderTable(
      ['account', 'entitlement', 'id', 'expires on'],
      found.map((u) => [u.accountId, u.entitlement.name, u.entitlement.id, u.entitlement.expiresOn ?? '-']),
    ),
  );
  io.stdout('Add each to services (or claim it from a service with claims: [id or pattern]), e.g.:\n');
  for (const u of found) io.stdout(`${stringify([u.entry], { lineWidth: 0 })}`);
}
