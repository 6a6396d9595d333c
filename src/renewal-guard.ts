import { Names, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, IConstruct } from 'constructs';
import { alarmTopicFor } from './private/alarm-topic';
import { resolveStores } from './private/bring-your-own';
import { alarmsOnUnpublishedMetrics } from './private/detailed-metrics-check';
import { loadGuardProps } from './private/guard-config';
import { assertDeclared, declaredIds, guardMetric } from './private/guard-metrics';
import { guardNagSuppressions } from './private/guard-nag-suppressions';
import { addGuardOperations, notifierErrorsMetric } from './private/guard-operations';
import { POLLER_TIMEOUT } from './private/guard-poller';
import { rememberChannels, sharingProblems } from './private/guard-sharing-check';
import { createGuardFunctions } from './private/guard-wiring';
import { encryptGuardLogs } from './private/log-encryption';
import { assertChannelsDeliverable } from './private/region-support';
import { checkedSecretStore } from './private/secret-store-check';
import { stageCode } from './private/staged-code';
import { RenewalGuardProps } from './renewal-guard-props';
import { Severity } from './severity';
import {
  DIMENSION_ACCOUNT,
  DIMENSION_SERVICE,
  DIMENSION_SEVERITY,
  METRIC_ALERTS_SENT,
  METRIC_BALANCE,
  METRIC_CYCLE_COMPLETED,
  METRIC_DAYS_TO_EXPIRY,
  METRIC_DELIVERY_FAILURES,
  METRIC_MIN_DAYS_TO_EXPIRY,
  METRIC_MIN_RUNWAY_DAYS,
  METRIC_POLL_FAILURES,
  METRIC_RUNWAY_DAYS,
  METRIC_SPEND_PER_DAY,
} from './shared/metrics-schema';

/**
 * Keeps paid services from lapsing: a daily check at `checkTime` in `timeZone` polls the vendor accounts,
 * evaluates every declared service against its reminder tiers and working-day calendar, records each
 * alert once in a DynamoDB registry, and publishes it to an SNS topic and an EventBridge bus. Email and
 * SMS channels are subscriptions on the topic; a notifier function delivers to the chat, webhook and
 * PagerDuty channels. Messages carry a signed acknowledge link served, with an iCalendar feed of every
 * expiry, by a function behind a function URL or, in regions without them, an HTTP API (`linksUrl`).
 *
 * The config (services, accounts, channels) is validated at synth time and staged into the functions'
 * code package, not the template: 10 or 10,000 services deploy the same resources. Each deploy that
 * changes it syncs the declared services into the registry; services no longer declared are retired,
 * never deleted.
 *
 * @example
 * declare const agoraSecret: secretsmanager.ISecret;
 * new RenewalGuard(this, 'Guard', {
 *   timeZone: 'Asia/Shanghai',
 *   checkTime: '09:30',
 *   calendar: 'CN',
 *   accounts: [VendorAccount.agora({ accountId: 'agora-main', credentials: agoraSecret })],
 *   services: [{
 *     serviceId: 'live-rtc',
 *     name: 'Live app RTC',
 *     project: 'live-app',
 *     account: 'agora-main',
 *     kind: ServiceKind.SUBSCRIPTION,
 *     expiresOn: '2026-10-09',
 *     owners: ['alice@example.com'],
 *   }],
 *   channels: [AlertChannel.email({ channelId: 'ops', to: ['tech-lead@example.com'] })],
 * });
 */
export class RenewalGuard extends Construct {
  /** The registry: declared services, snapshots, the alert ledger and its outbox. */
  public readonly registry: dynamodb.ITable;

  /** Every alert is published here, with `severity`, `project`, `kind`, `serviceId` and `channels` attributes. */
  public readonly alertTopic: sns.ITopic;

  /** Every alert is also sent here as an event with source `renewal-guard`. */
  public readonly eventBus: events.IEventBus;

  /**
   * Encrypts the registry table, the alert topic and the dead-letter queue the guard creates. Undefined
   * with `GuardEncryption.AWS_MANAGED`: each service's AWS managed key does.
   */
  public readonly encryptionKey?: kms.IKey;

  /**
   * Where the default alarms notify: `alarmTopic` as given (else an `alertTopic` you bring), else a
   * TLS-only topic the guard creates for its alarms alone, under `encryptionKey` (without server-side
   * encryption with `GuardEncryption.AWS_MANAGED`: CloudWatch alarms cannot publish under the `aws/sns`
   * key). The guard subscribes its operators' channels to its own topic (see `AlertChannel` `operators`):
   * email and SMS recipients directly, chat, webhook and PagerDuty channels through the notifier.
   * Undefined when `alarmsEnabled` is false.
   */
  public readonly alarmTopic?: sns.ITopic;

  /** The daily check: polls vendors, evaluates services, records and publishes alerts. */
  public readonly pollerFunction: lambda.IFunction;

  /** Syncs the declared services into the registry on every deploy that changes the config. */
  public readonly registrySyncFunction: lambda.IFunction;

  /** Invokes `pollerFunction` every day at `checkTime` in `timeZone`. */
  public readonly schedule: scheduler.ISchedule;

  /**
   * Invokes `pollerFunction` at the weekly digest's slot (`digest.weekday` at `digest.time` in
   * `timeZone`), so the digest goes out on time. Undefined when the config sets no digest.
   */
  public readonly digestSchedule?: scheduler.ISchedule;

  /** Receives daily checks that could not be delivered to, or kept failing in, `pollerFunction`. */
  public readonly deadLetterQueue: sqs.IQueue;

  /**
   * Delivers alerts to the chat, webhook and PagerDuty channels: subscribed to `alertTopic` with a filter
   * on their channel ids, and the only function that may read their secrets. Runs one delivery at a time,
   * which keeps each robot within its rate limit. Undefined when the config has no such channel.
   */
  public readonly notifierFunction?: lambda.IFunction;

  /**
   * Keeps the alerts the notifier could not take (from SNS) or kept failing to deliver (after Lambda's
   * retries), for 14 days. Undefined when there is no notifier.
   */
  public readonly notifierDeadLetterQueue?: sqs.IQueue;

  /**
   * Serves the acknowledge links of messages and the calendar feed, behind `linksUrl`. Undefined when the
   * links are not deployed (see `linksEnabled`).
   */
  public readonly linksFunction?: lambda.IFunction;

  /**
   * The base URL of the acknowledge links and the calendar feed, ending in `/`: a Lambda function URL, or
   * the HTTP API's default stage (see `linksEndpoint`).
   * Subscribe a calendar app to `<linksUrl>calendar.ics?token=<feedToken>`, with the `feedToken` field
   * of `linkSecret`, which
   * `aws secretsmanager get-secret-value --secret-id <linkSecret ARN> --query SecretString --output text`
   * prints (with the SSM store, of `linkParameterName`:
   * `aws ssm get-parameter --with-decryption --name <linkParameterName> --query Parameter.Value --output text`).
   * Undefined when the links are not deployed (see `linksEnabled`).
   */
  public readonly linksUrl?: string;

  /**
   * The secret holding `{ "linkSigningKey": …, "feedToken": … }`: the one given as `linkSecret`, or the one
   * the guard created with both values generated. Undefined when the links are not deployed, or when
   * `linkParameterName` holds them instead.
   */
  public readonly linkSecret?: secretsmanager.ISecret;

  /**
   * With `SecretStore.SSM_PARAMETER_STORE` and no `linkSecret` given: the SecureString parameter (standard
   * tier, `aws/ssm` key) holding `{ "linkSigningKey": …, "feedToken": … }`, `/renewal-guard/<guardName>/links`,
   * instead of two Secrets Manager secrets. CloudFormation cannot create a SecureString: the registry-sync
   * custom resource creates it on deploy when it does not exist yet, with both values generated, and never
   * overwrites it (rotate with `aws ssm put-parameter --overwrite`). Deleting the stack leaves it, like the
   * registry. Undefined otherwise.
   */
  public readonly linkParameterName?: string;

  /** The ARN of `linkParameterName`'s parameter. Undefined when `linkParameterName` is. */
  public readonly linkParameterArn?: string;

  /**
   * Names this guard in its metrics (the `Guard` dimension of every one), its alarms and its dashboard:
   * the stack name and the construct path, so two guards in one account and region never mix their data.
   * It is also the value of the `renewal-guard:guard` tag that lets the poller read a vendor credential
   * secret the config names under `renewal-guard/`: secrets without it stay out of the poller's reach.
   */
  public readonly guardName: string;

  /**
   * Whether the daily check publishes the per-service and per-account metrics (see `detailedMetrics` in
   * the props); the guard-level metrics are published either way.
   */
  public readonly detailedMetrics: boolean;

  /**
   * The default alarms, each notifying `alarmTopic` when it goes to ALARM: `deadMansSwitchAlarm`,
   * `pollerErrorsAlarm`, `deadLetterQueueAlarm` and `pollFailuresAlarm`, then `notifierErrorsAlarm` and
   * `notifierDeadLetterQueueAlarm` when there is a notifier. Empty when `alarmsEnabled` is false. Add
   * actions of your own with `addAlarmAction`, or watch their state changes on EventBridge.
   */
  public readonly alarms: cloudwatch.IAlarm[];

  /**
   * ALARM when no daily check has completed in 26 hours, including when the guard reports nothing at all:
   * the guard watching the guard. Undefined when `alarmsEnabled` is false.
   */
  public readonly deadMansSwitchAlarm?: cloudwatch.IAlarm;

  /** ALARM for the hour in which the daily check failed. Undefined when `alarmsEnabled` is false. */
  public readonly pollerErrorsAlarm?: cloudwatch.IAlarm;

  /** ALARM while a daily check waits in `deadLetterQueue`. Undefined when `alarmsEnabled` is false. */
  public readonly deadLetterQueueAlarm?: cloudwatch.IAlarm;

  /**
   * ALARM for the hour after a check in which a vendor account could not be polled: a warning for
   * operators (the account's channels get a blind-spot alert of their own if it persists). Undefined when
   * `alarmsEnabled` is false.
   */
  public readonly pollFailuresAlarm?: cloudwatch.IAlarm;

  /**
   * ALARM for the hour in which the notifier failed to deliver an alert to a chat, webhook or PagerDuty
   * channel. Undefined when there is no notifier or `alarmsEnabled` is false.
   */
  public readonly notifierErrorsAlarm?: cloudwatch.IAlarm;

  /**
   * ALARM while an undelivered alert waits in `notifierDeadLetterQueue`. Undefined when there is no
   * notifier or `alarmsEnabled` is false.
   */
  public readonly notifierDeadLetterQueueAlarm?: cloudwatch.IAlarm;

  /**
   * The guard's CloudWatch dashboard, named `guardName`: the nearest expiry and the shortest runway,
   * completed checks, poll failures, alerts sent by severity, delivery failures, and the health of the
   * poller and the notifier; with `detailedMetrics`, also days to expiry per service and runway, balance
   * and spend per account. Undefined when `dashboardEnabled` is false.
   */
  public readonly dashboard?: cloudwatch.Dashboard;

  private readonly defaultAlarms: cloudwatch.Alarm[];
  private readonly serviceIds: ReadonlySet<string>;
  private readonly accountIds: ReadonlySet<string>;

  // Construct ids and their order are the template's: each helper builds its part as children of `this`.
  constructor(scope: Construct, id: string, props: RenewalGuardProps = {}) {
    super(scope, id);
    const config = loadGuardProps(this, props);
    assertChannelsDeliverable(this, config.loaded.channels);
    const code = stageCode(config.loaded);
    const secretStore = checkedSecretStore(props.secretStore, config);
    const removalPolicy = props.registryRemovalPolicy ?? RemovalPolicy.RETAIN;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_YEAR;
    // 200 leaves room for the alarm name suffixes within CloudWatch's 255 characters
    this.guardName = Names.uniqueResourceName(this, { maxLength: 200, separator: '-' });
    this.serviceIds = declaredIds(config.loaded.services);
    this.accountIds = declaredIds(config.loaded.accounts);
    this.detailedMetrics = props.detailedMetrics ?? false;
    if (!this.detailedMetrics) {
      this.node.addValidation({ validate: () => alarmsOnUnpublishedMetrics(this.node.root, this.guardName) });
    }

    const stores = resolveStores(this, props, removalPolicy);
    this.encryptionKey = stores.encryptionKey;
    this.registry = stores.registry;
    this.alertTopic = stores.alertTopic;
    this.eventBus = stores.eventBus;
    this.deadLetterQueue = stores.deadLetterQueue;
    rememberChannels(this, config.loaded.channels, config.recipients);
    const isGuard = (c: IConstruct): c is RenewalGuard => c instanceof RenewalGuard;
    this.node.addValidation({ validate: () => sharingProblems(this, isGuard) });
    this.alarmTopic = alarmTopicFor(this, {
      alarmsEnabled: props.alarmsEnabled ?? true,
      // an alert topic the user brings takes the alarms too, as it always has: the guard creates no topic
      given: props.alarmTopic ?? props.alertTopic,
      encryptionKey: this.encryptionKey,
    });
    // the guard's own alarm topic only: a topic the user gave is theirs to subscribe people to
    const ownAlarmTopic = props.alarmTopic || props.alertTopic ? undefined : this.alarmTopic;

    const { links, poller, sync, schedules, notifier } = createGuardFunctions(this, {
      props,
      config,
      code,
      stores,
      secretStore,
      guardName: this.guardName,
      detailedMetrics: this.detailedMetrics,
      logRetention,
      ownAlarmTopic,
    });
    this.linksFunction = links?.function.function;
    this.linksUrl = links?.url;
    this.linkSecret = links?.secret;
    this.linkParameterName = links?.parameter?.name;
    this.linkParameterArn = links?.parameter?.arn;
    this.pollerFunction = poller.function;
    this.registrySyncFunction = sync.function.function;
    this.schedule = schedules.daily;
    this.digestSchedule = schedules.digest;
    this.notifierFunction = notifier?.function.function;
    this.notifierDeadLetterQueue = notifier?.deadLetterQueue;

    const operations = addGuardOperations(this, {
      guardName: this.guardName,
      metrics: this,
      detailedMetrics: this.detailedMetrics,
      pollerFunction: this.pollerFunction,
      pollerTimeout: poller.function.timeout ?? POLLER_TIMEOUT,
      deadLetterQueue: this.deadLetterQueue,
      notifier,
      alarmsEnabled: props.alarmsEnabled ?? true,
      alarmTopic: this.alarmTopic ?? this.alertTopic,
      dashboardEnabled: props.dashboardEnabled ?? true,
    });
    this.deadMansSwitchAlarm = operations.deadMansSwitchAlarm;
    this.pollerErrorsAlarm = operations.pollerErrorsAlarm;
    this.deadLetterQueueAlarm = operations.deadLetterQueueAlarm;
    this.pollFailuresAlarm = operations.pollFailuresAlarm;
    this.notifierErrorsAlarm = operations.notifierErrorsAlarm;
    this.notifierDeadLetterQueueAlarm = operations.notifierDeadLetterQueueAlarm;
    this.defaultAlarms = operations.defaultAlarms;
    this.alarms = operations.alarms;
    this.dashboard = operations.dashboard;
    // without a key of the guard's, the log groups keep CloudWatch Logs' own encryption
    if (this.encryptionKey) encryptGuardLogs(this, this.encryptionKey);
    guardNagSuppressions({ guard: this, deadLetterQueue: this.deadLetterQueue, links });
  }

  /**
   * Grants read access to the registry, e.g. to a dashboard or a reporting job.
   *
   * @param grantee the principal to grant to
   */
  public grantReadRegistry(grantee: iam.IGrantable): iam.Grant {
    return this.registry.grantReadData(grantee);
  }

  /**
   * Adds actions to every default alarm, for its ALARM state: a pager topic, an on-call integration.
   * Does nothing when `alarmsEnabled` is false.
   *
   * @example
   * declare const pagerTopic: sns.ITopic;
   * guard.addAlarmAction(new cloudwatch_actions.SnsAction(pagerTopic));
   *
   * @param actions the actions to add
   */
  public addAlarmAction(...actions: cloudwatch.IAlarmAction[]): void {
    for (const alarm of this.defaultAlarms) alarm.addAlarmAction(...actions);
  }

  /**
   * One of the guard's metrics, by name, with its `Guard` dimension (see `src/shared/metrics-schema.ts`
   * for the names). Dimensions in `props.dimensionsMap` are added to `Guard`, not put in its place.
   *
   * @param metricName e.g. `CycleCompleted`
   * @param props options over the defaults: statistic Average, period one day (the guard reports daily)
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, metricName, { statistic: cloudwatch.Stats.AVERAGE }, props);
  }

  /**
   * Days until a service expires (negative once it has), per daily check: Minimum per day.
   *
   * Needs `detailedMetrics: true`: without it the guard does not publish this metric, and an alarm on it
   * fails synthesis (use `metricMinDaysToExpiry` for the guard-wide nearest expiry). With it, the guard
   * publishes it only while the expiry is within the service's reminder horizon (its largest tier) or
   * past, so alarms on it should treat missing data as not breaching.
   *
   * @example
   * guard.metricDaysToExpiry('live-rtc').createAlarm(this, 'LiveRtcExpiry', {
   *   threshold: 7,
   *   comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
   *   evaluationPeriods: 1,
   *   treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
   * });
   *
   * @param serviceId the id of a service declared in the config; any other throws
   * @param props options over the defaults: statistic Minimum, period one day
   */
  public metricDaysToExpiry(serviceId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    assertDeclared(serviceId, this.serviceIds, { method: 'metricDaysToExpiry', prop: 'serviceId', kind: 'a service' });
    return this.accountOrServiceMetric(METRIC_DAYS_TO_EXPIRY, DIMENSION_SERVICE, serviceId, 'Minimum', props);
  }

  /**
   * Days until an account's balance runs out at its recent spend, per daily check: Minimum per day.
   * Published for accounts whose vendor reports a balance and spend, and only with
   * `detailedMetrics: true` (without it an alarm on it fails synthesis; `metricMinRunwayDays` is the
   * guard-wide shortest runway, published either way).
   *
   * @param accountId the id of an account declared in the config; any other throws
   * @param props options over the defaults: statistic Minimum, period one day
   */
  public metricRunwayDays(accountId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    assertDeclared(accountId, this.accountIds, { method: 'metricRunwayDays', prop: 'accountId', kind: 'an account' });
    return this.accountOrServiceMetric(METRIC_RUNWAY_DAYS, DIMENSION_ACCOUNT, accountId, 'Minimum', props);
  }

  /**
   * An account's balance in its own currency, per daily check: Minimum per day. Published for accounts
   * whose vendor reports a balance, and only with `detailedMetrics: true` (without it an alarm on it
   * fails synthesis).
   *
   * @param accountId the id of an account declared in the config; any other throws
   * @param props options over the defaults: statistic Minimum, period one day
   */
  public metricBalance(accountId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    assertDeclared(accountId, this.accountIds, { method: 'metricBalance', prop: 'accountId', kind: 'an account' });
    return this.accountOrServiceMetric(METRIC_BALANCE, DIMENSION_ACCOUNT, accountId, 'Minimum', props);
  }

  /**
   * An account's average daily spend over the vendor's last days, in the balance's currency (or the
   * vendor's usage unit): Average per day. Published only with `detailedMetrics: true` (without it an
   * alarm on it fails synthesis).
   *
   * @param accountId the id of an account declared in the config; any other throws
   * @param props options over the defaults: statistic Average, period one day
   */
  public metricSpendPerDay(accountId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    assertDeclared(accountId, this.accountIds, { method: 'metricSpendPerDay', prop: 'accountId', kind: 'an account' });
    return this.accountOrServiceMetric(METRIC_SPEND_PER_DAY, DIMENSION_ACCOUNT, accountId, 'Average', props);
  }

  /**
   * Vendor accounts that could not be polled, per check: Sum per day.
   *
   * @param props options over the defaults: statistic Sum, period one day
   */
  public metricPollFailures(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, METRIC_POLL_FAILURES, { statistic: cloudwatch.Stats.SUM }, props);
  }

  /**
   * Alerts published (to the topic and the bus), per check: Sum per day.
   *
   * @param props options over the defaults: statistic Sum, period one day
   */
  public metricAlertsSent(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, METRIC_ALERTS_SENT, { statistic: cloudwatch.Stats.SUM }, props);
  }

  /**
   * Alerts of one severity published, per check: Sum per day. Published only on checks that fire at
   * least one alert of that severity, so alarms on it should treat missing data as not breaching.
   *
   * @example
   * guard.metricAlertsSentBySeverity(Severity.EMERGENCY).createAlarm(this, 'EmergencyAlerts', {
   *   threshold: 1,
   *   comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
   *   evaluationPeriods: 1,
   *   treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
   * });
   *
   * @param severity the severity whose alerts are counted
   * @param props options over the defaults: statistic Sum, period one day
   */
  public metricAlertsSentBySeverity(severity: Severity, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(
      this.guardName,
      METRIC_ALERTS_SENT,
      { statistic: cloudwatch.Stats.SUM, dimensions: { [DIMENSION_SEVERITY]: severity } },
      props,
    );
  }

  /**
   * Deliveries (to the topic or the bus) that failed and stay in the outbox for the next check: Sum per
   * day. Published only on checks with at least one; such a check also fails the poller invocation.
   *
   * @param props options over the defaults: statistic Sum, period one day
   */
  public metricDeliveryFailures(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, METRIC_DELIVERY_FAILURES, { statistic: cloudwatch.Stats.SUM }, props);
  }

  /**
   * Days until the guard's nearest expiry, over every declared service with an expiry date (negative once
   * one has passed), per daily check: Minimum per day. Published whatever `detailedMetrics` says.
   *
   * @example
   * guard.metricMinDaysToExpiry().createAlarm(this, 'SomethingExpiresThisWeek', {
   *   threshold: 7,
   *   comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
   *   evaluationPeriods: 1,
   * });
   *
   * @param props options over the defaults: statistic Minimum, period one day
   */
  public metricMinDaysToExpiry(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, METRIC_MIN_DAYS_TO_EXPIRY, { statistic: cloudwatch.Stats.MINIMUM }, props);
  }

  /**
   * The shortest runway (days until a balance runs out at its recent spend) over the accounts whose vendor
   * reports one, per daily check: Minimum per day. Published whatever `detailedMetrics` says.
   *
   * @param props options over the defaults: statistic Minimum, period one day
   */
  public metricMinRunwayDays(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, METRIC_MIN_RUNWAY_DAYS, { statistic: cloudwatch.Stats.MINIMUM }, props);
  }

  /**
   * 1 for every daily check that ran to the end: Sum per day. The dead-man's switch reads it.
   *
   * @param props options over the defaults: statistic Sum, period one day
   */
  public metricCycleCompleted(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return guardMetric(this.guardName, METRIC_CYCLE_COMPLETED, { statistic: cloudwatch.Stats.SUM }, props);
  }

  /**
   * Failed invocations of the notifier (an alert that could not reach at least one of its chat, webhook or
   * PagerDuty channels, counted once per attempt): Sum per hour.
   *
   * @param props options over the defaults: statistic Sum, period one hour
   */
  public metricNotifierErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return notifierErrorsMetric(this.notifierFunction, props);
  }

  private accountOrServiceMetric(
    metricName: string,
    dimension: string,
    id: string,
    statistic: string,
    props: cloudwatch.MetricOptions | undefined,
  ): cloudwatch.Metric {
    return guardMetric(this.guardName, metricName, { statistic, dimensions: { [dimension]: id } }, props);
  }
}
