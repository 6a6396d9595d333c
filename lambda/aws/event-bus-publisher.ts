import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AlertContext } from '../channels/formatters';
import type { AlertPublisher } from '../core/delivery-port';
import { DeliveryError, errorMessage } from '../core/errors';
import type { Alert, AlertKind, GuardConfig, Language } from '../core/model';
import { renderEventDetail } from '../delivery/message-renderers';
import { serviceContext } from '../delivery/render-context';

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
  alarm: 'Guard Alarm',
  'calendar-provisional': 'Digest',
  'holiday-readiness': 'Renewal Reminder',
  'not-in-inventory': 'Renewal Reminder',
  'contract-decision': 'Renewal Reminder',
  'quantity-runway': 'Renewal Reminder',
};

/** Contract section 5: source `renewal-guard`, a detail-type per kind, the alert object as detail (with `guard`). */
export class EventBusPublisher implements AlertPublisher {
  readonly target = 'eventbridge';
  private readonly client: EventBridgeClient;
  private readonly context: (alert: Alert) => AlertContext;

  constructor(
    private readonly options: {
      eventBusName: string;
      client?: EventBridgeClient;
      /**
       * The document: its `language` for the detail's `title`, its services for their names and kinds.
       * @default English, services by id
       */
      config?: Pick<GuardConfig, 'language' | 'services'>;
      /**
       * The guard's name (its stack output `GuardName`), as the detail's `guard`: rules on a bus several
       * guards share tell their events apart by it. @default none
       */
      guardName?: string;
    },
  ) {
    this.client = options.client ?? new EventBridgeClient({});
    this.context = options.config ? serviceContext(options.config) : () => ({});
  }

  async publish(alert: Alert): Promise<void> {
    let response;
    try {
      response = await this.client.send(
        new PutEventsCommand({
          Entries: [
            alertEvent(
              alert,
              this.options.eventBusName,
              this.options.config?.language,
              this.context(alert),
              this.options.guardName,
            ),
          ],
        }),
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

/**
 * The alert as an event: its detail rendered by the one renderer (the alert object, nulls for absent
 * fields, its title), and the name of the guard that sent it.
 */
export function alertEvent(
  alert: Alert,
  eventBusName: string,
  language?: Language,
  context: AlertContext = {},
  guardName?: string,
) {
  const detail = renderEventDetail(alert, language, context);
  return {
    Source: EVENT_SOURCE,
    DetailType: DETAIL_TYPES[alert.kind],
    EventBusName: eventBusName,
    Resources: [],
    Detail: JSON.stringify(guardName === undefined ? detail : { ...detail, guard: guardName }),
  };
}
