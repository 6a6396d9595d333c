import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel } from './alert-channel';
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
   * Typed props are merged over it: `timeZone`, `checkTime`, `calendar` and `reminderDays` replace the
   * file's values; `services`, `accounts` and `channels` entries replace the file's entry with the same id
   * and are appended otherwise.
   *
   * @default - no file; the typed props are the whole config
   */
  readonly configFile?: string;

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
   * `CN` (official holidays and make-up workdays), another ISO 3166 country code, or `weekends`.
   *
   * @default - the config file's `calendar`, else `weekends`
   */
  readonly calendar?: string;

  /**
   * Default reminder tiers, in days before expiry; a service may set its own.
   *
   * @default - the config file's `reminderDays`, else [60, 30, 15, 7, 1]
   */
  readonly reminderDays?: number[];

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
   * become SNS subscriptions on the alert topic.
   *
   * @default - only the config file's channels
   */
  readonly channels?: AlertChannel[];

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
   * Alarm notifications carry no message attributes, so the email and SMS subscriptions the guard adds
   * for its channels (which filter on them) do not receive them: subscribe the operators' addresses to
   * this topic without a filter policy, or pass a topic of theirs.
   *
   * @default - `alertTopic`
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
   * An existing EventBridge bus that receives the guard's events (source `renewal-guard`).
   *
   * @default - a new bus, named after the stack and this construct
   */
  readonly eventBus?: events.IEventBus;

  /**
   * The KMS key that encrypts what the guard creates: the registry table, the alert topic and the
   * dead-letter queue. Resources you bring keep their own encryption.
   *
   * If the guard creates the alert topic with a key you bring, the alarms can notify through it only if
   * the key policy allows `cloudwatch.amazonaws.com` `kms:Decrypt` and `kms:GenerateDataKey*` (the key the
   * guard creates has this statement).
   *
   * @default - a new customer-managed key with rotation on
   */
  readonly encryptionKey?: kms.IKey;

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
