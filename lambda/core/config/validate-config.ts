/**
 * The whole document: every problem is collected in one pass, and a config comes back only when there
 * are none, so nothing downstream ever sees a half-valid document.
 */
import { completeCalendar, type CalendarDeclaration } from '../calendar/calendar-declaration';
import { isSupportedDate } from '../dates';
import type { AccountConfig, CalendarData, ChannelConfig, ConfigProblem, GuardConfig, ServiceConfig } from '../model';
import { yearsRemindersLandIn, yearsToResolve, warnUncoveredYears } from './calendar-years';
import { describeValue, isMapping, reportUnknownKeys, valueOf, type Mapping } from './fields';
import { collectIds } from './ids';
import { ProblemLog } from './problem-log';
import { DEFAULT_REMINDER_DAYS } from './reminder-days';
import { reportSecretNameCollisions } from './secret-names';
import { checkListLength, TEXT_LIMITS } from './text-limits';
import { validateAccount } from './validate-accounts';
import { validateChannel } from './validate-channels';
import { readOwnerEmail } from './validate-owner-email';
import { largestCriticalityTier, POLICY_SETTING_FIELDS, readPolicySettings } from './validate-policy-settings';
import { collectSuccessors, validateService } from './validate-services';
import { readSettings, readVersion } from './validate-settings';

export type ConfigResult =
  | { readonly ok: true; readonly config: GuardConfig; readonly warnings: ConfigProblem[] }
  | { readonly ok: false; readonly problems: ConfigProblem[]; readonly warnings: ConfigProblem[] };

/** The calendar is resolved by an injected function so the core stays free of the holiday library. */
export interface ConfigValidationOptions {
  /** Explicit holiday and make-up workday dates of `spec` for `years`. */
  readonly resolveCalendar: (spec: string, years: readonly number[]) => CalendarData;
  /** Whether `spec` (`CN`, `US`, `weekends`, ...) names a calendar `resolveCalendar` can produce. */
  readonly isSupportedCalendar: (spec: string) => boolean;
}

/** Where the document root is named in problems about its shape. */
export const ROOT_PATH = '(document)';

const TOP_LEVEL_FIELDS = [
  'version',
  'language',
  'timeZone',
  'checkTime',
  'calendar',
  'quietHours',
  'reminderDays',
  'digest',
  'accounts',
  'services',
  'channels',
  'ownerEmail',
] as const;

/**
 * Validates a parsed document (contract section 2) and normalizes it: defaults filled, tiers sorted,
 * service channels resolved, the calendar turned into explicit dates.
 *
 * @example
 * const result = validateConfig(parseConfigText(text, 'renewal-guard.yaml'), { resolveCalendar: calendarData, isSupportedCalendar });
 * if (!result.ok) throw new ConfigError(result.problems);
 */
export function validateConfig(doc: unknown, options: ConfigValidationOptions): ConfigResult {
  const log = new ProblemLog();
  if (!isMapping(doc)) {
    log.error(
      ROOT_PATH,
      doc === null || doc === undefined
        ? 'empty; start with version: 1'
        : `expected a mapping with version, accounts, services and channels, got ${describeValue(doc)}`,
    );
    return { ok: false, problems: log.problems, warnings: log.warnings };
  }

  reportUnknownKeys(log, doc, '', [...TOP_LEVEL_FIELDS, ...POLICY_SETTING_FIELDS]);
  readVersion(log, doc);
  const settings = readSettings(log, doc, options.isSupportedCalendar);

  // Ids are gathered from all three lists first: services refer to accounts and channels, and a
  // reference to an entry that has some other mistake should not be reported as unknown as well.
  const accountIds = collectIds(listOrEmpty(doc, 'accounts'));
  const serviceIds = collectIds(listOrEmpty(doc, 'services'));
  const channelIds = collectIds(listOrEmpty(doc, 'channels'));
  const policy = readPolicySettings(log, doc, { channelIds, rawChannels: listOrEmpty(doc, 'channels') });

  const accounts = readSectionList(log, doc, 'accounts').map((raw, index) =>
    validateAccount(log, raw, { listPath: 'accounts', index, ids: accountIds }),
  );
  const rawServices = readSectionList(log, doc, 'services');
  // once for the document: computing it per service made validating 10,000 services quadratic
  const successors = collectSuccessors(rawServices);
  const services = rawServices.map((raw, index) =>
    validateService(
      log,
      raw,
      { listPath: 'services', index, ids: serviceIds },
      {
        accountIds,
        channelIds,
        reminderDays: settings.reminderDays,
        criticalityTiers: policy.criticalityTiers,
        serviceIds,
        successors,
      },
    ),
  );
  const ownerEmail = readOwnerEmail(log, doc, rawServices);
  const rawChannels = readSectionList(log, doc, 'channels');
  checkListLength(log, rawChannels, 'channels', TEXT_LIMITS.channels, 'channels');
  const channels = rawChannels.map((raw, index) =>
    validateChannel(log, raw, { listPath: 'channels', index, ids: channelIds }),
  );

  reportSecretNameCollisions(log, [
    ...accounts.flatMap((a, i) =>
      a?.credentials ? [{ name: a.credentials, path: `accounts[${i}].credentials` }] : [],
    ),
    ...channels.flatMap((c, i) => (c?.secret ? [{ name: c.secret, path: `channels[${i}].secret` }] : [])),
  ]);

  const calendar =
    settings.calendar === undefined ? undefined : resolveCalendar(log, settings.calendar, doc, rawServices, options);

  if (log.count > 0 || calendar === undefined) return { ok: false, problems: log.problems, warnings: log.warnings };
  if (rawServices.length === 0) log.warn('services', 'no services are listed; nothing will be watched');
  return {
    ok: true,
    config: {
      version: 1,
      ...(settings.language && { language: settings.language }),
      timeZone: settings.timeZone,
      checkTime: settings.checkTime,
      calendar,
      ...(settings.quietHours && { quietHours: settings.quietHours }),
      reminderDays: settings.reminderDays!,
      ...(settings.digest && { digest: settings.digest }),
      accounts: accounts as AccountConfig[],
      services: services as ServiceConfig[],
      channels: channels as ChannelConfig[],
      ...policy,
      ...(ownerEmail && { ownerEmail }),
    },
    warnings: log.warnings,
  };
}

function listOrEmpty(doc: Mapping, key: string): readonly unknown[] {
  const value = valueOf(doc, key);
  return Array.isArray(value) ? value : [];
}

function readSectionList(log: ProblemLog, doc: Mapping, key: string): readonly unknown[] {
  const value = valueOf(doc, key);
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  log.error(key, `expected a list of ${key}, got ${describeValue(value)}`);
  return [];
}

/**
 * Resolves the calendar for the years the expiry dates need. Dates are read from every service that
 * has a well-formed one, valid or not otherwise, so the warnings do not change as other problems are
 * fixed. A failure of the injected resolver is reported as a problem, like every other problem.
 */
function resolveCalendar(
  log: ProblemLog,
  declared: CalendarDeclaration,
  doc: Mapping,
  rawServices: readonly unknown[],
  options: ConfigValidationOptions,
): CalendarData | undefined {
  // dates outside SUPPORTED_YEARS are reported at their field; the years around them are no one's business
  const dates = rawServices.flatMap((s) => (isMapping(s) && isSupportedDate(s.expiresOn) ? [s.expiresOn] : []));
  const years = yearsToResolve(dates);
  const spec = declared.base;
  let calendar: CalendarData;
  try {
    calendar = completeCalendar(options.resolveCalendar(spec, years), declared);
  } catch (err) {
    log.error('calendar', `${spec} could not be resolved: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  warnUncoveredYears(
    log,
    calendar,
    yearsRemindersLandIn(
      dates,
      Math.max(largestTier(valueOf(doc, 'reminderDays'), rawServices), largestCriticalityTier(doc, rawServices)),
    ),
  );
  return calendar;
}

/** The largest well-formed tier any service can use: its own, else the document's, else the defaults. */
function largestTier(topLevel: unknown, rawServices: readonly unknown[]): number {
  const wellFormed = (list: unknown): number[] =>
    (Array.isArray(list) ? list : []).filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 3650);
  const documentTiers = wellFormed(topLevel);
  const tiers = [
    ...(documentTiers.length > 0 ? documentTiers : DEFAULT_REMINDER_DAYS),
    ...rawServices.flatMap((s) => (isMapping(s) ? wellFormed(s.reminderDays) : [])),
  ];
  return Math.max(...tiers);
}
