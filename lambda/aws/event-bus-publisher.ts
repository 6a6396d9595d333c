import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AlertPublisher } from '../core/delivery-port';
import { DeliveryError, errorMessage } from '../core/errors';
import type { Alert, AlertKind, Language } from '../core/model';
import { renderEventDetail } from '../delivery/render';

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
  'calendar-provisional': 'Digest',
};

/** Contract section 5: source `renewal-guard`, a detail-type per kind, the alert object as detail. */
export class EventBusPublisher implements AlertPublisher {
  readonly target = 'eventbridge';
  private readonly client: EventBridgeClient;

  constructor(
    private readonly options: {
      eventBusName: string;
      client?: EventBridgeClient;
      /** The language of the detail's `title`. @default 'en' */
      language?: Language;
    },
  ) {
    this.client = options.client ?? new EventBridgeClient({});
  }

  async publish(alert: Alert): Promise<void> {
    let response;
    try {
      response = await this.client.send(
        new PutEventsCommand({ Entries: [alertEvent(alert, this.options.eventBusName, this.options.language)] }),
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

/** The alert as an event: its detail rendered by the one renderer (the alert object, nulls for absent fields, its title). */
export function alertEvent(alert: Alert, eventBusName: string, language?: Language) {
  return {
    Source: EVENT_SOURCE,
    DetailType: DETAIL_TYPES[alert.kind],
    EventBusName: eventBusName,
    Resources: [],
    Detail: JSON.stringify(renderEventDetail(alert, language)),
  };
}
