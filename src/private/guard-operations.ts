import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createGuardAlarms, createNotifierAlarms } from './guard-alarms';
import { createGuardDashboard } from './guard-dashboard';
import { GuardNotifier, NOTIFIER_TIMEOUT } from './guard-notifier';
import { Severity } from '../severity';

/** The guard's own metric methods the alarms and the dashboard read (RenewalGuard has them all). */
export interface GuardMetricSource {
  metricCycleCompleted(): cloudwatch.Metric;
  metricPollFailures(): cloudwatch.Metric;
  metricAlertsSentBySeverity(severity: Severity, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricDeliveryFailures(): cloudwatch.Metric;
  metricMinDaysToExpiry(): cloudwatch.Metric;
  metricMinRunwayDays(): cloudwatch.Metric;
}

export interface GuardOperationsProps {
  readonly guardName: string;
  readonly metrics: GuardMetricSource;
  readonly detailedMetrics: boolean;
  readonly pollerFunction: lambda.IFunction;
  readonly pollerTimeout: Duration;
  readonly deadLetterQueue: sqs.IQueue;
  readonly notifier?: GuardNotifier;
  /** `alarmsEnabled`, resolved. */
  readonly alarmsEnabled: boolean;
  /** `alarmTopic`, resolved: the guard's own alarm topic unless the user gave one. */
  readonly alarmTopic: sns.ITopic;
  /** `dashboardEnabled`, resolved. */
  readonly dashboardEnabled: boolean;
}

export interface GuardOperations {
  readonly deadMansSwitchAlarm?: cloudwatch.Alarm;
  readonly pollerErrorsAlarm?: cloudwatch.Alarm;
  readonly deadLetterQueueAlarm?: cloudwatch.Alarm;
  readonly pollFailuresAlarm?: cloudwatch.Alarm;
  readonly notifierErrorsAlarm?: cloudwatch.Alarm;
  readonly notifierDeadLetterQueueAlarm?: cloudwatch.Alarm;
  /** Every default alarm, in the order the `alarms` property documents; `addAlarmAction` adds to these. */
  readonly defaultAlarms: cloudwatch.Alarm[];
  /** The guard's public `alarms`: a copy of `defaultAlarms`, and the very array the dashboard's status row shows. */
  readonly alarms: cloudwatch.IAlarm[];
  readonly dashboard?: cloudwatch.Dashboard;
}

/**
 * The default alarms (the poller's, then the notifier's when there is one) and the dashboard, each only
 * when enabled. `scope` is the guard: the ids are its children's.
 */
export function addGuardOperations(scope: Construct, props: GuardOperationsProps): GuardOperations {
  const { metrics, notifier } = props;
  const alarms = props.alarmsEnabled
    ? createGuardAlarms(scope, {
        guardName: props.guardName,
        cycleCompleted: metrics.metricCycleCompleted(),
        pollFailures: metrics.metricPollFailures(),
        pollerFunction: props.pollerFunction,
        deadLetterQueue: props.deadLetterQueue,
        topic: props.alarmTopic,
      })
    : undefined;
  const notifierAlarms =
    props.alarmsEnabled && notifier
      ? createNotifierAlarms(scope, {
          guardName: props.guardName,
          notifierFunction: notifier.function.function,
          deadLetterQueue: notifier.deadLetterQueue,
          topic: props.alarmTopic,
        })
      : undefined;
  const defaultAlarms = [
    ...(alarms ? [alarms.deadMansSwitch, alarms.pollerErrors, alarms.deadLetters, alarms.pollFailures] : []),
    ...(notifierAlarms ? [notifierAlarms.notifierErrors, notifierAlarms.notifierDeadLetters] : []),
  ];
  const allAlarms: cloudwatch.IAlarm[] = [...defaultAlarms];
  const dashboard = props.dashboardEnabled
    ? createGuardDashboard(scope, 'Dashboard', {
        guardName: props.guardName,
        cycleCompleted: metrics.metricCycleCompleted(),
        pollFailures: metrics.metricPollFailures(),
        alertsSentBySeverity: Object.values(Severity).map((severity) =>
          metrics.metricAlertsSentBySeverity(severity, { label: severity }),
        ),
        deliveryFailures: metrics.metricDeliveryFailures(),
        minDaysToExpiry: metrics.metricMinDaysToExpiry(),
        minRunwayDays: metrics.metricMinRunwayDays(),
        detailedMetrics: props.detailedMetrics,
        pollerFunction: props.pollerFunction,
        pollerTimeout: props.pollerTimeout,
        deadLetterQueue: props.deadLetterQueue,
        alarms: allAlarms,
        notifier: notifier && {
          function: notifier.function.function,
          timeout: NOTIFIER_TIMEOUT,
          deadLetterQueue: notifier.deadLetterQueue,
        },
      })
    : undefined;
  return {
    deadMansSwitchAlarm: alarms?.deadMansSwitch,
    pollerErrorsAlarm: alarms?.pollerErrors,
    deadLetterQueueAlarm: alarms?.deadLetters,
    pollFailuresAlarm: alarms?.pollFailures,
    notifierErrorsAlarm: notifierAlarms?.notifierErrors,
    notifierDeadLetterQueueAlarm: notifierAlarms?.notifierDeadLetters,
    defaultAlarms,
    alarms: allAlarms,
    dashboard,
  };
}

/** `metricNotifierErrors`: Sum per hour unless `props` say otherwise; throws for a guard without a notifier. */
export function notifierErrorsMetric(
  notifierFunction: lambda.IFunction | undefined,
  props: cloudwatch.MetricOptions | undefined,
): cloudwatch.Metric {
  if (!notifierFunction) {
    throw new Error(
      'metricNotifierErrors: this guard has no notifier; it is created when the config declares a chat, ' +
        'webhook or pagerduty channel',
    );
  }
  return notifierFunction.metricErrors({
    ...props,
    statistic: props?.statistic ?? cloudwatch.Stats.SUM,
    period: props?.period ?? Duration.hours(1),
  });
}
