import { accountFigures, type AccountFigures, type AccountState } from '../../core/accounts';
import { WorkingCalendar } from '../../core/calendar/working-calendar';
import { isSupportedDate, localDate, SUPPORTED_YEARS } from '../../core/dates';
import type { Alert, GuardConfig, IsoDate } from '../../core/model';
import { forecastPolicyAlerts, type ForecastStart } from '../../core/policy';
import { expiryRemindersBetween, indexChannels } from '../../core/reminders';
import { CliError, type CliIo, printJson } from '../cli-io';
import { loadCliConfig, printWarnings } from '../load-cli-config';
import { alertSubject, renderTable } from '../table';
import { mergePreviewItems, storedNotInInventory } from './stored-discovery';
import { readOnlyStoreDir, storedAccountStates } from './stored-states';
import { paymentMethodRisksBetween } from '../../core/policy/payment-method-risk';
import { withPolledExpiries } from '../../core/policy/renewal-confirmation';

export interface PreviewOptions {
  readonly config?: string;
  readonly from?: string;
  readonly days?: string;
  /** The embedded store `check` keeps: balances and spend to forecast from (default .renewal-guard, if it exists). */
  readonly store?: string;
  readonly json?: boolean;
}

/** One reminder as `preview --json` prints it (contract section 4); account alerts name the account instead. */
export interface PreviewItem {
  readonly date: IsoDate;
  readonly serviceId?: string;
  readonly accountId?: string;
  readonly kind: string;
  /** Expiry reminders: the tier (days before expiry). */
  readonly tier?: number;
  readonly daysLeft?: number;
  readonly severity: string;
  readonly channels: readonly string[];
  readonly key: string;
  readonly message: string;
  /** The date lies in a year whose holidays are estimated, not official (contract 3): it may move earlier. */
  readonly provisional?: true;
}

export async function previewCommand(options: PreviewOptions, io: CliIo): Promise<number> {
  const { config, warnings } = loadCliConfig(options.config, io);
  const from = options.from ?? localDate(io.now(), config.timeZone);
  if (!isSupportedDate(from)) {
    throw new CliError(
      `--from: ${JSON.stringify(from)} is not a calendar date from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last} (expected YYYY-MM-DD)`,
      2,
    );
  }
  const days = options.days === undefined ? 90 : /^\d{1,5}$/.test(options.days) ? Number(options.days) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new CliError(`--days: "${options.days}" must be a whole number of days from 1 to 3660`, 2);
  }

  const storeDir = readOnlyStoreDir(options.store, io.cwd);
  const figures = (await storedAccountStates(storeDir)).map((state) => ({
    state,
    figures: accountFigures(state.accountId, state, from),
  }));
  const accounts = forecastStarts(figures);
  // discovery: what the last check read at the vendors that no service claims, as of the first day
  const items = mergePreviewItems(
    previewReminders(config, from, days, accounts),
    await storedNotInInventory(storeDir, config, from, io.now()),
  );
  if (options.json) {
    printJson(io, items);
    return 0;
  }
  printWarnings(io, warnings);
  if (accounts.size === 0 && config.accounts.some((a) => a.vendor !== 'manual')) {
    io.stdout('No balances known yet: run `renewal-guard check` once to forecast balance and runway alerts.\n\n');
  }
  printAccountFigures(io, from, figures);
  if (items.length === 0) {
    io.stdout(`No reminders from ${from} over the next ${days} days.\n`);
    return 0;
  }
  io.stdout(
    `Reminders from ${from} over the next ${days} days (${config.timeZone}, calendar ${config.calendar.spec}):\n\n`,
  );
  io.stdout(
    renderTable(
      ['date', 'subject', 'kind', 'tier', 'days left', 'severity', 'channels'],
      items.map((i) => [
        i.provisional ? `${i.date}*` : i.date,
        alertSubject(i),
        i.kind,
        i.tier === undefined ? '' : i.tier === 0 ? 'expiry' : `${i.tier}d`,
        i.daysLeft === undefined ? '' : String(i.daysLeft),
        i.severity,
        i.channels.join(',') || '(none)',
      ]),
    ),
  );
  const provisionalYears = [...new Set(items.filter((i) => i.provisional).map((i) => i.date.slice(0, 4)))];
  if (provisionalYears.length > 0) {
    io.stdout(
      `\n* provisional: ${provisionalYears.join(', ')} has no official ${config.calendar.spec} holiday data; its ` +
        `festivals are estimated and treated as non-working, so these dates may still move earlier, never later. ` +
        `Declare the official schedule under calendar: { base, holidays, workdays, coveredYears } (README, Working days).\n`,
    );
  }
  return 0;
}

/**
 * Every alert daily cycles from `from` would send over `days` days if nothing is renewed and spend goes
 * on at its current rate: each service's expiry reminders, and the policy's balance, runway, spend,
 * renewal, coverage and contacts alerts (forecast from `accounts`, each account as it stands). A service
 * that follows its vendor entitlement counts to the expiry its account's last poll saw, as the cycle does.
 * Sorted by date, then subject (service or account id), then key. Repeats and escalations are not foreseeable.
 */
export function previewReminders(
  config: GuardConfig,
  from: IsoDate,
  days: number,
  accounts: ForecastStart['accounts'] = new Map(),
): PreviewItem[] {
  const calendar = new WorkingCalendar(config.calendar);
  const ctx = { calendar, channels: indexChannels(config.channels) };
  const services = withPolledExpiries(
    config.services,
    [...accounts.values()].map(({ state }) => state),
  );
  const alerts: Alert[] = [
    ...services.flatMap((s) => expiryRemindersBetween(s, from, days, ctx)),
    ...forecastPolicyAlerts({ services, accounts }, config, from, days, calendar),
    ...paymentMethodRisksBetween(services, from, days, ctx),
  ];
  return alerts
    .map(previewItem)
    .map((i) => onDeliveryDay(i, calendar))
    .map((i) => (calendar.isProvisional(i.date) ? { ...i, provisional: true as const } : i))
    .sort(byDateSubjectKey);
}

/**
 * A planning notice (info, warning) dated on a non-working day, as the first day's catch-up can be, is
 * delivered on the next working day (the cycle holds it, contract 3): show that day.
 */
function onDeliveryDay(item: PreviewItem, calendar: WorkingCalendar): PreviewItem {
  if ((item.severity !== 'info' && item.severity !== 'warning') || calendar.isWorkingDay(item.date)) return item;
  return { ...item, date: calendar.followingWorkingDay(item.date) };
}

/** Where each account's forecast starts: its figures, the same the check, the report and the digest show. */
function forecastStarts(stored: ReadonlyArray<{ state: AccountState; figures: AccountFigures }>) {
  const starts: ForecastStart['accounts'] = new Map(
    stored.map(({ state, figures }) => [
      state.accountId,
      {
        state,
        ...(figures.balance && { balance: figures.balance }),
        ...(figures.dailySpend !== undefined && { dailySpend: figures.dailySpend }),
      },
    ]),
  );
  return starts;
}

/** The accounts' balance, spend and runway where the forecast starts. */
function printAccountFigures(
  io: CliIo,
  from: IsoDate,
  stored: ReadonlyArray<{ state: AccountState; figures: AccountFigures }>,
): void {
  const known = stored.map((s) => s.figures).filter((f) => f.balance);
  if (known.length === 0) return;
  io.stdout(`Accounts as the last check left them, spending on from ${from}:\n\n`);
  io.stdout(
    renderTable(
      ['account', 'balance', 'as of', 'spend a day', 'runway', 'runs out'],
      known.map((f) => [
        f.accountId,
        `${f.balance!.amount.toFixed(2)} ${f.balance!.currency}`,
        f.asOf ?? '-',
        f.dailySpend === undefined ? '-' : `${f.dailySpend.toFixed(2)} ${f.balance!.currency}`,
        f.runwayDays === undefined ? 'not running down' : `${f.runwayDays} days`,
        f.runOutOn ?? '-',
      ]),
    ),
  );
  io.stdout('\n');
}

function previewItem(a: Alert): PreviewItem {
  return {
    date: a.date,
    ...(a.serviceId !== undefined && { serviceId: a.serviceId }),
    ...(a.serviceId === undefined && a.accountId !== undefined && { accountId: a.accountId }),
    kind: a.kind,
    ...(a.tier !== undefined && { tier: a.tier }),
    ...(a.daysLeft !== undefined && { daysLeft: a.daysLeft }),
    severity: a.severity,
    channels: a.channels,
    key: a.key,
    message: a.message,
  };
}

function byDateSubjectKey(a: PreviewItem, b: PreviewItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const sa = a.serviceId ?? a.accountId ?? '';
  const sb = b.serviceId ?? b.accountId ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
