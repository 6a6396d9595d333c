import type { Alert, GuardConfig } from '../model';
import type { Digest, DigestAccount, DigestService } from './digest';
import { summarizeDigest } from './digest-summary';
import { formatMoney, plural } from './format';
import { routeToChannels } from '../reminders/channel-routing';

/**
 * The digest as plain English text: a summary line, then each project's services worst first, then the
 * accounts. For email bodies, chat fallbacks and the CLI; channel formatters can lay out the data richer.
 */
export function renderDigestText(digest: Digest): string {
  const lines = digestHeadlines(digest);
  for (const project of digest.projects) {
    lines.push('', `Project ${project.project}`);
    for (const service of project.services) lines.push(`- ${serviceLine(service)}`);
  }
  if (digest.accounts.length > 0) {
    lines.push('', 'Accounts');
    for (const account of digest.accounts) lines.push(`- ${accountLine(account)}`);
  }
  return lines.join('\n');
}

/** The digest's first two lines: what it is, and the totals. */
export function digestHeadlines(digest: Pick<Digest, 'date' | 'timeZone' | 'totals'>): string[] {
  return [digestHeading(digest.date, digest.timeZone), digestTotals(digest.totals)];
}

/** `RenewalGuard weekly digest for 2026-10-05 (Asia/Shanghai)`. */
export function digestHeading(date: string, timeZone: string): string {
  return `RenewalGuard weekly digest for ${date} (${timeZone})`;
}

/** The totals line in English, for the CLI and the channels. */
export function digestTotals(t: Digest['totals']): string {
  const s = t.byStatus;
  return (
    `${plural(t.services, 'service')} in ${plural(t.projects, 'project')}: ${s.expired} expired, ` +
    `${s.critical} within 7 days, ${s['due-soon']} due soon, ${s.ok} ok, ${s.undated} without a date. ` +
    `${plural(t.unacknowledged, 'alert')} unacknowledged. ` +
    `Accounts: ${t.accountsLow} low, ${t.accountsFailing} failing. Owners to confirm: ${t.contactsToConfirm}.`
  );
}

function serviceLine(s: DigestService): string {
  const parts = [`${s.serviceId} [${s.status}]`];
  if (s.expiresOn !== undefined && s.daysLeft !== undefined) {
    const when =
      s.daysLeft < 0
        ? `expired ${s.expiresOn} (${plural(-s.daysLeft, 'day')} ago)`
        : s.daysLeft === 0
          ? `expires today (${s.expiresOn})`
          : `expires ${s.expiresOn} (${plural(s.daysLeft, 'day')} left)`;
    parts.push(when);
  }
  if (s.accountId !== undefined) {
    parts.push(`account ${s.accountId}${s.runwayDays !== undefined ? `, runway ${s.runwayDays} days` : ''}`);
  }
  parts.push(
    `owners ${s.owners.join(', ')}${s.contacts === 'fresh' ? '' : ` (${s.contacts === 'stale' ? 'confirm: stale' : 'never confirmed'})`}`,
  );
  if (s.unacknowledged.length > 0) parts.push(`unacknowledged: ${s.unacknowledged.join(', ')}`);
  return `${s.name} — ${parts.join('; ')}`;
}

function accountLine(a: DigestAccount): string {
  const parts = [`${a.accountId} (${a.vendor}) [${a.status}]`];
  if (a.balance) parts.push(formatMoney(a.balance));
  if (a.runwayDays !== undefined) parts.push(`runway ${a.runwayDays} days`);
  if (a.lastError !== undefined) parts.push(`last error: ${a.lastError}`);
  if (a.unacknowledged.length > 0) parts.push(`unacknowledged: ${a.unacknowledged.join(', ')}`);
  return parts.join('; ');
}

/**
 * The digest as an alert, so it travels the ledger and outbox like every other message: once per day
 * it is built for, to every channel that takes info (EventBridge detail-type `Digest`). It carries the
 * bounded summary as facts (`digest`) and only the totals as its `message`: the whole registry never
 * rides in an outbox item or an SNS message, and each channel renders the summary in its own language.
 */
export function digestAlert(digest: Digest, config: Pick<GuardConfig, 'channels'>): Alert {
  const channels = new Map(config.channels.map((c) => [c.id, c]));
  return {
    key: digest.key,
    kind: 'digest',
    severity: 'info',
    date: digest.date,
    owners: [],
    channels: routeToChannels([...channels.keys()], 'info', channels),
    message: digestHeadlines(digest).join('\n'),
    digest: summarizeDigest(digest),
  };
}
