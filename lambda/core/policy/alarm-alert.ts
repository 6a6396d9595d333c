/**
 * A CloudWatch alarm notification as an alert, so the guard's own alarms reach the operators' chat
 * channels in the same words and markup as every other alert (delivery/render.ts).
 *
 * CloudWatch publishes a plain JSON body to SNS, with no message attributes: `AlarmName`,
 * `AlarmDescription`, `NewStateValue`, `OldStateValue`, `NewStateReason`, `StateChangeTime`, `Region`,
 * `AWSAccountId`, `Trigger`… (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-sns-notifications.html
 * — the body of an alarm action's notification). ALARM is critical; OK is an info notice (an alarm that
 * cleared); INSUFFICIENT_DATA a warning. The key names the alarm and the instant of the change, so one
 * change is one alert however often SNS hands it over.
 */
import type { Alert, Severity } from '../model';

/** The fields of CloudWatch's notification the alert uses; the rest (Trigger…) is ignored. */
export interface CloudWatchAlarmNotification {
  readonly AlarmName: string;
  readonly AlarmDescription?: string | null;
  readonly AWSAccountId?: string;
  readonly NewStateValue: string;
  readonly OldStateValue?: string;
  readonly NewStateReason?: string;
  readonly StateChangeTime?: string;
  readonly Region?: string;
}

const SEVERITY_OF_STATE: Readonly<Record<string, Severity>> = {
  ALARM: 'critical',
  OK: 'info',
  INSUFFICIENT_DATA: 'warning',
};

/** Whether an SNS message body is CloudWatch's alarm notification (and not an alert of the poller's). */
export function parseAlarmNotification(body: unknown): CloudWatchAlarmNotification | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.AlarmName !== 'string' || b.AlarmName === '') return undefined;
  if (typeof b.NewStateValue !== 'string' || !(b.NewStateValue in SEVERITY_OF_STATE)) return undefined;
  if ('key' in b) return undefined; // an alert: its fields never include AlarmName, but be strict
  return b as unknown as CloudWatchAlarmNotification;
}

/**
 * The `alarm` alert of a notification, routed to `channels` (the operators'). `receivedAt` stands in for
 * a missing or unreadable `StateChangeTime`. CloudWatch writes times as `2026-10-01T05:00:00.000+0000`.
 */
export function alarmAlert(n: CloudWatchAlarmNotification, channels: readonly string[], receivedAt: string): Alert {
  const changedAt = isoInstant(n.StateChangeTime) ?? receivedAt;
  const severity = SEVERITY_OF_STATE[n.NewStateValue]!;
  const description = n.AlarmDescription ?? undefined;
  return {
    key: `_guard:alarm:${alarmKeySegment(n.AlarmName)}:${n.NewStateValue.toLowerCase()}:${changedAt}`,
    kind: 'alarm',
    severity,
    date: changedAt.slice(0, 10),
    owners: [],
    channels: [...channels],
    message: sentences([`${n.AlarmName} is ${n.NewStateValue}`, n.NewStateReason, description]),
    alarm: {
      name: n.AlarmName,
      state: n.NewStateValue,
      ...(n.OldStateValue !== undefined && { previousState: n.OldStateValue }),
      ...(description !== undefined && description !== '' && { description }),
      ...(n.NewStateReason !== undefined && { reason: n.NewStateReason }),
      changedAt,
      ...(n.Region !== undefined && { region: n.Region }),
      ...(n.AWSAccountId !== undefined && { accountId: n.AWSAccountId }),
    },
  };
}

/** Texts as sentences, each ending in one full stop. */
function sentences(parts: readonly (string | undefined)[]): string {
  return parts
    .flatMap((p) => (p ? [p.trim().replace(/\.+$/, '')] : []))
    .filter((p) => p !== '')
    .map((p) => `${p}.`)
    .join(' ');
}

/** Alarm names may hold any printable character; a key segment holds `[A-Za-z0-9._-]`. */
function alarmKeySegment(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
}

function isoInstant(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // +0000 → +00:00, which Date.parse reads everywhere
  const ms = Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
