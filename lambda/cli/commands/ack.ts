import * as path from 'node:path';
import { alertKeySubject, MAX_SNOOZE_DAYS, type Acknowledgement, type AlertKeySubject } from '../../core/ack';
import { characterCount, forbiddenCharacter, TEXT_LIMITS } from '../../core/config/text-limits';
import { formatOffsetDateTime } from '../../core/dates';
import { ackRoot, GUARD_SUBJECT, MAX_ALERT_KEY_LENGTH, parseAlertKey } from '../../core/policy/policy-keys';
import { CliError, type CliIo, printJson } from '../cli-io';
import { openEmbeddedStore } from '../embedded-store';
import { loadCliConfig, printWarnings } from '../load-cli-config';
import { DEFAULT_STORE_DIR } from './check';

export interface AckOptions {
  readonly key: string;
  readonly config?: string;
  readonly store?: string;
  readonly by?: string;
  readonly snooze?: string;
  readonly json?: boolean;
}

const MS_PER_DAY = 86_400_000;

/**
 * Records an acknowledgement (or, with --snooze, a pause) of one alert key in the embedded store: its
 * repeats and escalations stop, the next tier still fires, and a renewal clears it.
 */
export async function ackCommand(options: AckOptions, io: CliIo): Promise<number> {
  if (parseAlertKey(options.key) === undefined) {
    throw new CliError(
      `${JSON.stringify(options.key.length > 80 ? `${options.key.slice(0, 77)}...` : options.key)} is not an alert key: ` +
        'keys read <service or account id>:<kind>:<what>, e.g. live-rtc:expiry:2026-10-09:7, with only letters, ' +
        `digits and . _ + - between the colons, at most ${MAX_ALERT_KEY_LENGTH} characters (see check or preview)`,
      2,
    );
  }
  const { config, warnings } = loadCliConfig(options.config, io);
  // the key of an escalation or a repeat acknowledges its whole episode: record it on the root
  const key = ackRoot(options.key);
  const subject = alertKeySubject(key, config);
  // a guard-wide alert (a project's holiday readiness, a provisional year) names the guard itself
  if (!subject.service && !subject.account && !key.startsWith(`${GUARD_SUBJECT}:`)) {
    throw new CliError(
      `"${options.key}" names no service or account of ${options.config}; ` +
        'alert keys look like live-rtc:expiry:2026-10-09:7 (see check or preview)',
      2,
    );
  }
  const snoozeDays = parseSnooze(options.snooze);
  const by = options.by ?? io.env.USER ?? io.env.USERNAME ?? 'cli';
  if (by.trim() === '') throw new CliError('--by: give a name', 2);
  const bad = forbiddenCharacter(by);
  if (bad || characterCount(by) > TEXT_LIMITS.owner) {
    throw new CliError(
      bad
        ? `--by: contains the control character ${bad.codePoint}; give a name on one line of plain text`
        : `--by: at most ${TEXT_LIMITS.owner} characters`,
      2,
    );
  }
  const now = io.now();
  const entry: Acknowledgement = {
    key,
    by,
    at: now.toISOString(),
    ...(snoozeDays === undefined ? {} : { until: new Date(now.getTime() + snoozeDays * MS_PER_DAY).toISOString() }),
  };

  const storeDir = path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR);
  const store = await openEmbeddedStore({ dir: storeDir });
  let status: 'recorded' | 'already';
  let recorded: Acknowledgement | undefined;
  try {
    status = await store.registry.acknowledge(entry);
    recorded = await store.registry.getAcknowledgement(key);
  } finally {
    await store.close();
  }
  const acknowledgement = recorded ?? entry;

  if (options.json) {
    printJson(io, { key, status, acknowledgement });
    return 0;
  }
  printWarnings(io, warnings);
  const when = (iso: string) => formatOffsetDateTime(new Date(iso), config.timeZone);
  const what = `${key} (${describe(subject)})`;
  if (status === 'already') {
    const until = acknowledgement.until === undefined ? '' : `, snoozed until ${when(acknowledgement.until)}`;
    io.stdout(
      `${what} was already acknowledged by ${acknowledgement.by} at ${when(acknowledgement.at)}${until}; nothing changed.\n`,
    );
    return 0;
  }
  io.stdout(
    acknowledgement.until === undefined
      ? `Acknowledged ${what} as ${by} at ${when(acknowledgement.at)}.\n`
      : `Snoozed ${what} as ${by} until ${when(acknowledgement.until)}.\n`,
  );
  io.stdout('Its repeats and escalations stop; the next reminder still comes, and a renewal clears this one.\n');
  return 0;
}

function parseSnooze(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SNOOZE_DAYS) {
    throw new CliError(`--snooze: "${value}" must be a whole number of days from 1 to ${MAX_SNOOZE_DAYS}`, 2);
  }
  return days;
}

function describe(subject: AlertKeySubject): string {
  const name = subject.service?.name ?? (subject.account ? `account ${subject.account.id}` : 'the guard');
  if (subject.expiresOn === undefined || subject.tier === undefined) return `${name}, ${subject.kind ?? 'alert'}`;
  if (subject.tier === 0) return `${name}, its expiry day ${subject.expiresOn}`;
  return `${name}, ${subject.tier} day${subject.tier === 1 ? '' : 's'} before its expiry on ${subject.expiresOn}`;
}
