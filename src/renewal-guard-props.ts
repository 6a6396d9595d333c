import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel } from './alert-channel';
import { CriticalityTiers, DigestSchedule, EscalationPolicy, QuietHours } from './alert-policy';
import { CalendarDays } from './calendar-days';
import { GuardEncryption } from './guard-encryption';
import { Language } from './language';
import { LinksEndpoint } from './links-endpoint';
import { OwnerEmail } from './owner-email';
import { SecretStore } from './secret-store';
import { ServiceDeclaration } from './service-declaration';
import { VendorAccount } from './vendor-account';

/**
 * Properties of a `RenewalGuard`. Every one is optional: with none, the guard deploys with an empty
 * registry, checks daily at 09:00 UTC and has no channels.
 *
 * The model can come from a config file (`configFile`), from the typed props below, or both; typed props
 * win. The whole result is validated at synth time, and every problem is reported in one error.
 */
export interface RenewalGuardProps {
  /**
   * Path of a YAML or JSON config document (`version: 1`), absolute or relative to the working directory
   * of the CDK app; the same document the `renewal-guard` CLI reads.
   *
   * Typed props are merged over it: `language`, `timeZone`, `checkTime`, `calendar`, `reminderDays` and
   * the alert policy (`quietHours`, `digest`, `escalation`, `criticalityTiers`, `contactsMaxAgeDays`,
   * `renewalGraceDays`, `coverageGapLeadDays`) replace the file's values, a struct as a whole; `services`,
   * `accounts` and `channels` entries replace the file's entry with the same id and are appended otherwise.
   *
   * @default - no file; the typed props are the whole config
   */
  readonly configFile?: string;

  /**
   * The language of everything the guard writes for people: chat, email and SMS text, the digest, the
   * report page, the acknowledge pages and calendar events. A channel's own `language` overrides it.
   *
   * @default - the config file's `language`, else `Language.EN`
   */
  readonly language?: Language;

  /**
   * IANA time zone of the guard: dates are calendar dates in it, and the daily check runs at `checkTime`
   * in it.
   *
   * @default - the config file's `timeZone`, else `UTC`
   */
  readonly timeZone?: string;

  /**
   * Local time of the daily check, `HH:MM` in `timeZone`.
   *
   * @default - the config file's `checkTime`, else `09:00`
   */
  readonly checkTime?: string;

  /**
   * Working-day calendar: reminders that fall on a non-working day move to the preceding working day.
   * `CN` (official holidays and make-up workdays), another ISO 3166 country code, a region code
   * date-holidays knows (`US-CA`, `DE-BY`, `CN-HK`), or `weekends`.
   *
   * @default - the config file's `calendar`, else `weekends`
   */
  readonly calendar?: string;

  /**
   * Days that complete `calendar`: a year's official schedule not yet built in, or your own days off.
   * Written with `calendar` as the config's `calendar: { base, holidays, workdays, coveredYears }`, so
   * `calendar` must be given too; replaces the file's calendar as a whole.
   *
   * @default - the calendar's own days only
   */
  readonly calendarDays?: CalendarDays;

  /**
   * Default reminder tiers, in days before expiry; a service may set its own.
   *
   * @default - the config file's `reminderDays`, else [60, 30, 15, 7, 1]
   */
  readonly reminderDays?: number[];

  /**
   * A daily window in which non-emergency alerts are held and delivered when it ends. Replaces the config
   * file's `quietHours` as a whole. When `checkTime` or the digest falls inside it, the guard also runs
   * the check at its end.
   *
   * @default - the config file's `quietHours`, else none: alerts go out when they are decided
   */
  readonly quietHours?: QuietHours;

  /**
   * The weekly health report's slot. The guard schedules a run of the check then (`digestSchedule`).
   * Replaces the config file's `digest` as a whole.
   *
   * @default - the config file's `digest`, else no digest
   */
  readonly digest?: DigestSchedule;

  /**
   * The channels that critical and emergency alerts escalate to, by channel id (from `channels` or the
   * config file). Replaces the config file's `escalation` as a whole.
   *
   * @default - the config file's `escalation`, else none: alerts reach only their service's channels
   */
  readonly escalation?: EscalationPolicy;

  /**
   * Reminder tiers for core and experimental services (standard ones use `reminderDays`). Replaces the
   * config file's `criticalityTiers` as a whole; a service's own `reminderDays` beats both.
   *
   * @default - the config file's `criticalityTiers`, else core [90, 60, 30, 15, 7, 3, 1] and
   * experimental [30, 7, 1]
   */
  readonly criticalityTiers?: CriticalityTiers;

  /**
   * Owners confirmed (`ServiceDeclaration.ownersConfirmedOn`) longer ago than this many days are
   * reminded, once a quarter, to confirm them again. A whole number from 1 to 3650.
   *
   * @default - the config file's `contactsMaxAgeDays`, else 180
   */
  readonly contactsMaxAgeDays?: number;

  /**
   * Days after an auto-renewing service's expiry passes without moving before it is reported as a missed
   * renewal (an emergency). A whole number from 0 to 30.
   *
   * @default - the config file's `renewalGraceDays`, else 1
   */
  readonly renewalGraceDays?: number;

  /**
   * Days before a service ends that a gap to its successor (`replacedBy`, which starts on `startsOn`) is
   * reported. A whole number from 1 to 3650.
   *
   * @default - the config file's `coverageGapLeadDays`, else 30
   */
  readonly coverageGapLeadDays?: number;

  /**
   * Services that must not lapse, merged over the config file's by id.
   *
   * @default - only the config file's services
   */
  readonly services?: ServiceDeclaration[];

  /**
   * Vendor accounts to poll, merged over the config file's by id. The poller function is granted read
   * access to each account's credentials secret, and to nothing else in Secrets Manager.
   *
   * @default - only the config file's accounts
   */
  readonly accounts?: VendorAccount[];

  /**
   * Where alerts go, merged over the config file's by id. Email and SMS channels (from props or the file)
   * become SNS subscriptions on the alert topic. The others (chat robots, webhook, PagerDuty) are
   * delivered by the notifier function, which the guard creates when there is at least one: it is the
   * only function granted read access to their secrets.
   *
   * @default - only the config file's channels
   */
  readonly channels?: AlertChannel[];

  /**
   * Email each service's `owners` its alerts, one message per owner address, sent by the poller through
   * Amazon SES from a verified identity; replaces the config file's `ownerEmail` as a whole. Owners are
   * data: the template is the same for 10 or 10,000 of them. Not available in the China regions (no SES).
   *
   * @default - the config file's `ownerEmail`, else none: owners get no email (a synth warning says so
   * when services declare owner addresses)
   */
  readonly ownerEmail?: OwnerEmail;

  /**
   * Whether to deploy the acknowledge links and the calendar feed: a function behind a public function
   * URL or HTTP API (`RenewalGuard.linksUrl`, see `linksEndpoint`). Messages then carry a signed link that acknowledges the alert (and
   * stops its repeats and escalation), and `<linksUrl>calendar.ics?token=<feedToken>` serves every
   * expiry as an iCalendar feed.
   *
   * The URL has no IAM authentication: the signed links and the feed token are the credentials.
   *
   * @default - true when the config declares at least one channel (the links travel in messages) or
   * `linkSecret` is given; pass true to serve the calendar feed without channels
   */
  readonly linksEnabled?: boolean;

  /**
   * What serves the links: a Lambda function URL, or an API Gateway HTTP API (throttled, one route per
   * link type) in the regions without function URLs (the China regions, ap-south-2, ap-southeast-4 to
   * -7, ap-east-2, ca-west-1, eu-south-2, eu-central-2, il-central-1, me-central-1).
   * `LinksEndpoint.FUNCTION_URL` in one of those fails synthesis. Ignored when the links are not deployed.
   *
   * @default LinksEndpoint.AUTO - decided by the stack's region at synth; a stack without a region (an
   * environment-agnostic stack) keeps a function URL and says so in a synth warning
   */
  readonly linksEndpoint?: LinksEndpoint;

  /**
   * A secret holding the JSON object `{ "linkSigningKey": "<at least 32 characters>", "feedToken": "<at
   * least 16 characters>" }`: the key that signs acknowledge links and the token that opens the calendar
   * feed. Read by the links function, the poller and the notifier (with its KMS key, when it has one).
   * Changing `linkSigningKey` invalidates the links already sent; changing `feedToken` means
   * re-subscribing calendars to the new feed URL.
   *
   * Giving one with `linksEnabled: false` is a config error.
   *
   * @default - a new secret with both values generated by Secrets Manager and encrypted with
   * `encryptionKey` (see `RenewalGuard.linkSecret`); with `SecretStore.SSM_PARAMETER_STORE`, a SecureString
   * parameter the guard creates on deploy instead (see `RenewalGuard.linkParameterName`)
   */
  readonly linkSecret?: secretsmanager.ISecret;

  /**
   * An existing registry table. It must have the key schema, TTL attribute and `outbox` index the guard
   * expects (see `src/shared/registry-schema.ts`). Grants go to the functions' roles; if the table is
   * encrypted with a customer-managed key, import it with `Table.fromTableAttributes({ encryptionKey })`
   * so the key is granted too.
   *
   * @default - a new table, encrypted with `encryptionKey`, with point-in-time recovery
   */
  readonly registryTable?: dynamodb.ITable;

  /**
   * An existing SNS topic for alerts. Channel subscriptions are added to it. If it is encrypted with a
   * customer-managed key, that key's policy must let the poller's role use it.
   *
   * It is also the default `alarmTopic`; see there what CloudWatch needs to publish to it.
   *
   * @default - a new topic, encrypted with `encryptionKey`, that only accepts TLS requests and lets this
   * account's CloudWatch alarms publish
   */
  readonly alertTopic?: sns.ITopic;

  /**
   * Whether to create the default alarms (see `RenewalGuard.alarms`): the dead-man's switch, poller
   * errors, dead-lettered checks and poll failures.
   *
   * @default true
   */
  readonly alarmsEnabled?: boolean;

  /**
   * Where the default alarms notify when they go to ALARM. Ignored when `alarmsEnabled` is false.
   *
   * The guard's own topic and key are set up for CloudWatch. A topic you bring must let
   * `cloudwatch.amazonaws.com` publish if its access policy is not the SNS default (allow `sns:Publish`,
   * best with an `aws:SourceAccount` condition), and if it is encrypted, the key must be customer-managed
   * and its key policy must allow `cloudwatch.amazonaws.com` `kms:Decrypt` and `kms:GenerateDataKey*`:
   * the AWS managed `alias/aws/sns` key cannot. Otherwise the alarms change state but notify no one.
   *
   * The guard subscribes its operators' channels (`operators` on a channel; every channel when none is
   * marked) to the topic it creates, not to a topic given here or to an `alertTopic` you bring: subscribe
   * the people who should hear about alarms to yours, without a filter policy (alarm notifications carry
   * no message attributes, and SNS matches no attribute filter policy against them).
   *
   * @default - `alertTopic` when you bring one, else a topic the guard creates for its alarms, which its
   * operators' channels subscribe to
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * Whether to create the CloudWatch dashboard (see `RenewalGuard.dashboard`). It is the same size for
   * any number of services and accounts.
   *
   * @default true
   */
  readonly dashboardEnabled?: boolean;

  /**
   * Whether the guard reserves Lambda concurrency: 1 for the notifier, which paces each chat robot to its
   * documented rate in memory (that holds only within one container), and 5 for a links function behind a
   * function URL, which has no throttle of its own, so a flood on the public URL cannot take the account's
   * concurrency.
   *
   * Lambda refuses a reservation that leaves the account fewer than 100 unreserved concurrent executions,
   * so in an account whose concurrency quota is still a new account's 10 (or 50) the deploy fails with
   * "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution
   * below its minimum value". Ask for a quota increase, or set `false`: the notifier then paces per
   * container (a robot's 429 answer is retried after its Retry-After), and the links are served by an HTTP
   * API throttled at its stage (`linksEndpoint: LinksEndpoint.AUTO` picks it; `FUNCTION_URL` fails synth,
   * since nothing would bound its traffic).
   *
   * @default true
   */
  readonly reservedConcurrency?: boolean;

  /**
   * Where the vendor and channel credentials the config names are kept. `SecretStore.SSM_PARAMETER_STORE`
   * reads SecureString parameters (standard tier, no charge) instead of Secrets Manager secrets ($0.40 a
   * month each): the lean profile's choice (README "Cost"). The poller and the notifier may read only the
   * parameters their config entries name (under `renewal-guard/`, one statement on that path, with the
   * other role's names denied). The link secret stays a generated Secrets Manager secret either way.
   *
   * @default SecretStore.SECRETS_MANAGER
   */
  readonly secretStore?: SecretStore;

  /**
   * Whether the daily check also publishes one metric per service and per account: `DaysToExpiry` per
   * service (while its expiry is within its largest reminder tier, or past) and `Balance`, `RunwayDays` and
   * `SpendPerDay` per account. `metricDaysToExpiry`, `metricBalance`, `metricRunwayDays` and
   * `metricSpendPerDay` read these, and the dashboard graphs them.
   *
   * Off by default because CloudWatch bills each of them as a custom metric: a series with one datapoint a
   * day costs about $0.012 a month, so 10,000 services over 1,000 accounts come to about 5,000 series and
   * $60 a month, where the guard-level metrics published either way (`metricCycleCompleted`,
   * `metricPollFailures`, `metricAlertsSent`, `metricDeliveryFailures`, `metricMinDaysToExpiry`,
   * `metricMinRunwayDays`) cost under $0.10 for any number of services. Without it, an alarm created on one
   * of the per-service or per-account metrics fails synthesis, since it would never receive data.
   *
   * @default false
   */
  readonly detailedMetrics?: boolean;

  /**
   * An existing EventBridge bus that receives the guard's events (source `renewal-guard`).
   *
   * @default - a new bus, named after the stack and this construct
   */
  readonly eventBus?: events.IEventBus;

  /**
   * The KMS key that encrypts what the guard creates: the registry table, the alert topic, both
   * dead-letter queues, the log groups and the link secret. Resources you bring keep their own
   * encryption. The notifier's dead-letter queue (SNS writes to it) and the log groups (CloudWatch Logs
   * writes them) need statements in the key policy for those services, which the guard adds; a key
   * imported by ARN, whose policy it cannot extend, leaves them to SQS-managed and CloudWatch Logs'
   * own encryption instead.
   *
   * If the guard creates the alert topic with a key you bring, the alarms can notify through it only if
   * the key policy allows `cloudwatch.amazonaws.com` `kms:Decrypt` and `kms:GenerateDataKey*` (the key the
   * guard creates has this statement).
   *
   * @default - a new customer-managed key with rotation on (none with `GuardEncryption.AWS_MANAGED`)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Whether what the guard creates is encrypted with one customer managed key (`encryptionKey`, $1 a
   * month) or with each service's AWS managed key at no monthly charge: the lean profile's choice (README
   * "Cost"). With `GuardEncryption.AWS_MANAGED` the alarms notify a TLS-only `alarmTopic` without
   * server-side encryption unless you give one, since CloudWatch alarms cannot publish to a topic under the
   * AWS managed `aws/sns` key. Giving `encryptionKey` with `AWS_MANAGED` fails synth.
   *
   * @default GuardEncryption.CUSTOMER_MANAGED_KEY
   */
  readonly encryption?: GuardEncryption;

  /**
   * What happens to the registry table (and the key the guard creates) when it leaves the stack. The
   * registry holds the alert ledger and history; `DESTROY` suits only throwaway stacks. Ignored for a
   * table you bring.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly registryRemovalPolicy?: RemovalPolicy;

  /**
   * How long the functions' logs are kept.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}
