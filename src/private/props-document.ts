import { Token } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { RenewalGuardProps } from '../renewal-guard-props';
import type { ServiceDeclaration } from '../service-declaration';
import type { ConfigProblem } from './config-loader';
import { ownerEmailEntry } from './owner-email-grants';
import { propPath } from './prop-paths';
import { synthTimeSecretName } from './secret-name';
import { withoutUndefined } from './without-undefined';

/** The typed props as a partial config document, plus what only the construct needs to know about them. */
export interface PropsDocument {
  /** The contract's shape (`id`, camelCase keys): the config loader merges it over the file. */
  readonly overrides: Record<string, unknown>;
  /**
   * Problems only the construct can see: deploy-time tokens where synth-time values are needed. Named by
   * prop (`props.services[0] (serviceId "x").owners[0]`), as `propPath` names the loader's problems.
   */
  readonly problems: readonly ConfigProblem[];
  /** Account id -> the secret behind its `credentials` name. */
  readonly accountSecrets: ReadonlyMap<string, secretsmanager.ISecret>;
  /** Channel id -> the secret behind its `secret` name (chat, webhook and PagerDuty channels). */
  readonly channelSecrets: ReadonlyMap<string, secretsmanager.ISecret>;
  /** Channel id -> recipients as given, tokens included; the document has stand-ins for the tokens. */
  readonly recipients: ReadonlyMap<string, readonly string[]>;
}

const TOKEN_MESSAGE =
  'must be known at synth time, got a token (e.g. a CfnParameter): the config is staged into the function code';

/**
 * Turns typed props into the overrides document. Nothing is validated here beyond tokens and secret
 * names: the merged document goes through the CLI's validator, so both report the same problems.
 */
export function propsDocument(props: RenewalGuardProps): PropsDocument {
  const problems: ConfigProblem[] = [];
  const scalar = <T>(path: string, value: T | undefined): T | undefined => {
    if (value !== undefined && isToken(value)) {
      problems.push({ path, message: TOKEN_MESSAGE });
      return undefined;
    }
    return value;
  };
  const list = <T>(path: string, values: readonly T[] | undefined): T[] | undefined =>
    values?.map((v, i) => scalar(`${path}[${i}]`, v)).filter((v): v is T => v !== undefined);

  const accountSecrets = new Map<string, secretsmanager.ISecret>();
  const accounts = props.accounts?.map((account, i) => {
    const binding = account._bind();
    const path = `accounts[${i}]`;
    const entry = tokenFree(binding.entry, path, problems);
    if (!binding.credentials) return entry;
    accountSecrets.set(binding.accountId, binding.credentials);
    return { ...entry, credentials: secretName(binding.credentials, `${path}.credentials`, problems) };
  });

  const channelSecrets = new Map<string, secretsmanager.ISecret>();
  const recipients = new Map<string, readonly string[]>();
  const channels = props.channels?.map((channel, i) => {
    const binding = channel._bind();
    const path = `channels[${i}]`;
    const entry = tokenFree(binding.entry, path, problems);
    if (binding.secret) {
      channelSecrets.set(binding.channelId, binding.secret);
      return { ...entry, secret: secretName(binding.secret, `${path}.secret`, problems) };
    }
    const to = binding.recipients ?? [];
    recipients.set(binding.channelId, to);
    return { ...entry, to: to.map((r, n) => (isToken(r) ? recipientStandIn(binding.entry.type, n) : r)) };
  });

  const overrides = withoutUndefined({
    language: scalar('language', props.language),
    timeZone: scalar('timeZone', props.timeZone),
    checkTime: scalar('checkTime', props.checkTime),
    calendar: props.calendarDays === undefined ? scalar('calendar', props.calendar) : calendarEntry(props, problems),
    reminderDays: list('reminderDays', props.reminderDays),
    ...policyEntries(props, scalar, problems),
    services: props.services?.map((s, i) => tokenFree(serviceEntry(s), `services[${i}]`, problems)),
    accounts,
    channels,
    ownerEmail: ownerEmailEntry(props.ownerEmail?._bind(), isToken, problems),
  });
  const named = problems.map((p) => ({ path: propPath(p.path, overrides), message: p.message }));
  return { overrides, problems: named, accountSecrets, channelSecrets, recipients };
}

/**
 * The name the staged config gives a secret. When only CloudFormation will know it, the problem is
 * reported and a stand-in keeps the validator from also reporting the name as missing; the error stops
 * synth anyway.
 */
function secretName(secret: secretsmanager.ISecret, path: string, problems: ConfigProblem[]): string {
  const name = synthTimeSecretName(secret);
  if (name !== undefined) return name;
  problems.push({
    path,
    message:
      `the name of secret ${secret.node.path} is only known at deploy time; ` +
      'give it an explicit secretName, or import it with Secret.fromSecretNameV2',
  });
  return 'unresolved-secret-name';
}

function serviceEntry(s: ServiceDeclaration): Record<string, unknown> {
  return withoutUndefined({
    id: s.serviceId,
    name: s.name,
    project: s.project,
    account: s.account,
    kind: s.kind,
    expiresOn: s.expiresOn,
    autoRenew: s.autoRenew,
    owners: s.owners,
    criticality: s.criticality,
    reminderDays: s.reminderDays,
    channels: s.channels,
    renewalPrice: s.renewalPrice && { amount: s.renewalPrice.amount, currency: s.renewalPrice.currency },
    replacedBy: s.replacedBy,
    startsOn: s.startsOn,
    ownersConfirmedOn: s.ownersConfirmedOn,
    entitlement: s.entitlement,
    claims: s.claims,
    noticeDays: s.noticeDays,
    version: s.version,
    endOfSupport: s.endOfSupport,
    paysFor: s.paysFor,
    renewUrl: s.renewUrl,
    runbook: s.runbook,
  });
}

/**
 * The alert policy's document-wide settings, under the config's names. Each struct is copied field by
 * field (a TypeScript caller's extra keys do not leak into the document) and replaces the file's as a
 * whole, as `mergeDocuments` does for every top-level value.
 */
function policyEntries(
  props: RenewalGuardProps,
  scalar: <T>(path: string, value: T | undefined) => T | undefined,
  problems: ConfigProblem[],
): Record<string, unknown> {
  const struct = (path: string, entry: Record<string, unknown> | undefined) =>
    entry && tokenFree(withoutUndefined(entry), path, problems);
  const { quietHours: q, digest: d, escalation: e, criticalityTiers: t } = props;
  return withoutUndefined({
    quietHours: struct('quietHours', q && { from: q.fromTime, to: q.to }),
    digest: struct('digest', d && { weekday: d.weekday, time: d.time }),
    escalation: struct('escalation', e && { critical: e.critical, emergency: e.emergency }),
    criticalityTiers: struct('criticalityTiers', t && { core: t.core, experimental: t.experimental }),
    contactsMaxAgeDays: scalar('contactsMaxAgeDays', props.contactsMaxAgeDays),
    renewalGraceDays: scalar('renewalGraceDays', props.renewalGraceDays),
    coverageGapLeadDays: scalar('coverageGapLeadDays', props.coverageGapLeadDays),
  });
}

/** Drops token leaves from a document entry, reporting each at its document path (named by `propPath`). */
function tokenFree(entry: Record<string, unknown>, path: string, problems: ConfigProblem[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    const at = `${path}.${key}`;
    if (Array.isArray(value)) {
      result[key] = value.filter((v, i) => {
        if (isToken(v)) problems.push({ path: `${at}[${i}]`, message: TOKEN_MESSAGE });
        return !isToken(v);
      });
    } else if (value !== null && typeof value === 'object') {
      result[key] = tokenFree(value as Record<string, unknown>, at, problems);
    } else if (isToken(value)) {
      problems.push({ path: at, message: TOKEN_MESSAGE });
    } else {
      result[key] = value;
    }
  }
  return result;
}

function isToken(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}

/**
 * A valid-looking, undeliverable recipient in place of a token. Only SNS delivers to email and SMS
 * channels, and it uses the real (resolved) recipient; the handlers never read these.
 */
function recipientStandIn(type: unknown, n: number): string {
  return type === 'sms'
    ? `+999${String(n + 1).padStart(8, '0')}`
    : `deploy-time-recipient-${n + 1}@renewal-guard.invalid`;
}

/**
 * `calendar` alone stays the plain spec; with `calendarDays` it becomes the config's mapping
 * `{ base, holidays, workdays, coveredYears }`, checked by the loader with the file's paths.
 */
function calendarEntry(props: RenewalGuardProps, problems: ConfigProblem[]): unknown {
  const days = props.calendarDays!;
  if (props.calendar === undefined) {
    problems.push({
      path: 'calendarDays',
      message:
        "give calendar too (the calendar these days complete, e.g. CN); calendarDays replaces the file's calendar as a whole",
    });
    return undefined;
  }
  return tokenFree(
    withoutUndefined({
      base: props.calendar,
      holidays: days.holidays,
      workdays: days.workdays,
      coveredYears: days.coveredYears,
    }),
    'calendar',
    problems,
  );
}
