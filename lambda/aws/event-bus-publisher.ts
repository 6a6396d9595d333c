import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AlertPublisher } from '../app/ports';
import { DeliveryError, errorMessage } from '../core/errors';
import type { Alert, AlertKind } from '../core/model';

export const EVENT_SOURCE = 'renewal-guard';

const DETAIL_TYPES: Record<AlertKind, string> = {
  expiry: 'Renewal Reminder',
  'expired-in-use': 'Renewal Reminder',
  'auto-renew-risk': 'Renewal Reminder',
  'renewal-missed': 'Renewal Reminder',
  'coverage-gap': 'Renewal Reminder',
  'contacts-stale': 'Renewal Reminder',
  'renewal-confirmed': 'Renewal Confirmed',
  balance: 'Low Balance',
  runway: 'Low Balance',
  'spend-spike': 'Low Balance',
  'spend-growth': 'Low Balance',
  'blind-spot': 'Blind Spot',
  digest: 'Digest',
};
  'calendar-provisional': 'Digest',

/** Contract section 5: source `renewal-guard`, a detail-type per kind, the alert object as detail. */
export class EventBusPublisher implements AlertPublisher {
  readonly target = 'eventbridge';
  private readonly client: EventBridgeClient;

  constructor(private readonly options: { eventBusName: string; client?: EventBridgeClient }) {
    this.client = options.client ?? new EventBridgeClient({});
  }

  async publish(alert: Alert): Promise<void> {
    let response;
    try {
      response = await this.client.send(
        new PutEventsCommand({ Entries: [alertEvent(alert, this.options.eventBusName)] }),
      );
    } catch (e) {
      throw new DeliveryError(`EventBridge PutEvents of ${alert.key} failed: ${errorMessage(e)}`, {
        retryable: true,
        cause: e,
      });
    }
    // PutEvents answers 200 with per-entry failures: an unchecked FailedEntryCount would lose the event
    if ((response.FailedEntryCount ?? 0) > 0) {
      const entry = response.Entries?.[0];
      throw new DeliveryError(
        `EventBridge rejected ${alert.key}: ${entry?.ErrorCode ?? 'unknown error'} ${entry?.ErrorMessage ?? ''}`.trim(),
        { retryable: entry?.ErrorCode === 'ThrottlingException' || entry?.ErrorCode === 'InternalFailure' },
      );
    }
  }
}

export function alertEvent(alert: Alert, eventBusName: string) {
  return {
    Source: EVENT_SOURCE,
    DetailType: DETAIL_TYPES[alert.kind],
    EventBusName: eventBusName,
    Resources: [],
    Detail: JSON.stringify({
      ...alert,
      project: alert.project ?? null,
      owners: alert.owners,
      expiresOn: alert.expiresOn ?? null,
      accountId: alert.accountId ?? null,
    }),
  };
}
