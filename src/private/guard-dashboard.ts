import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { guardSearchExpression } from './guard-metrics';
import {
  DIMENSION_ACCOUNT,
  DIMENSION_SERVICE,
  METRIC_BALANCE,
  METRIC_DAYS_TO_EXPIRY,
  METRIC_RUNWAY_DAYS,
  METRIC_SPEND_PER_DAY,
} from '../shared/metrics-schema';

export interface GuardDashboardProps {
  readonly guardName: string;
  /** The guard's per-cycle metrics (Sum per day), published whatever `detailedMetrics` says. */
  readonly cycleCompleted: cloudwatch.IMetric;
  readonly pollFailures: cloudwatch.IMetric;
  /** One per severity, each labelled with it. */
  readonly alertsSentBySeverity: readonly cloudwatch.IMetric[];
  readonly deliveryFailures: cloudwatch.IMetric;
  /** Guard-wide minimums (Minimum per day). */
  readonly minDaysToExpiry: cloudwatch.IMetric;
  readonly minRunwayDays: cloudwatch.IMetric;
  /** Whether the per-service and per-account metrics are published, and so graphed. */
  readonly detailedMetrics: boolean;
  readonly pollerFunction: lambda.IFunction;
  readonly pollerTimeout: Duration;
  readonly deadLetterQueue: sqs.IQueue;
  /** Shown as a status row; none when the alarms are disabled. */
  readonly alarms: readonly cloudwatch.IAlarm[];
  /** Shown as a row of its own when the guard has one. */
  readonly notifier?: {
    readonly function: lambda.IFunction;
    readonly timeout: Duration;
    readonly deadLetterQueue: sqs.IQueue;
  };
}

const FULL = 24;
const HALF = 12;
const THIRD = 8;
const GRAPH_HEIGHT = 7;

/**
 * The guard's dashboard. Every widget reads only metrics the guard publishes with its settings: the
 * guard-level ones always, the per-service and per-account ones only with `detailedMetrics` (a graph of
 * a metric that never comes would look like a quiet guard). Per-service and per-account graphs are
 * SEARCH expressions, one widget each however many services and accounts there are: the template must
 * not grow with the config. A search graphs at most 500 time series (and finds metrics reported in the
 * last two weeks), so the HTML report is the view for larger registries.
 */
export function createGuardDashboard(scope: Construct, id: string, props: GuardDashboardProps): cloudwatch.Dashboard {
  const daily = (title: string, metrics: readonly cloudwatch.IMetric[], stacked = false) =>
    new cloudwatch.GraphWidget({
      title,
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [...metrics],
      view: cloudwatch.GraphWidgetView.BAR,
      stacked: stacked || undefined,
      legendPosition: metrics.length > 1 ? cloudwatch.LegendPosition.BOTTOM : cloudwatch.LegendPosition.HIDDEN,
    });
  const minimum = (title: string, metric: cloudwatch.IMetric) =>
    new cloudwatch.GraphWidget({
      title,
      width: HALF,
      height: GRAPH_HEIGHT,
      left: [metric],
      legendPosition: cloudwatch.LegendPosition.HIDDEN,
    });

  const rows: cloudwatch.IWidget[][] = [
    [
      new cloudwatch.TextWidget({
        width: FULL,
        height: 2,
        markdown:
          `# RenewalGuard ${props.guardName}\n` +
          (props.detailedMetrics
            ? 'Days to expiry are published for services within their reminder horizon (their largest tier) ' +
              'or past expiry; runway, balance and spend for accounts whose vendor reports them. '
            : 'Guard-wide metrics only: per-service and per-account graphs need detailedMetrics: true on the ' +
              'guard; the HTML report and the alerts name the services. ') +
          'One datapoint a day.',
      }),
    ],
  ];
  if (props.alarms.length > 0) {
    rows.push([
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: FULL, height: 3 }),
    ]);
  }
  rows.push(
    [
      minimum('Nearest expiry, any service (days)', props.minDaysToExpiry),
      minimum('Shortest runway, any account (days)', props.minRunwayDays),
    ],
    [
      daily('Completed daily checks', [props.cycleCompleted]),
      daily('Accounts not polled, deliveries failed', [props.pollFailures, props.deliveryFailures]),
      daily('Alerts sent by severity', props.alertsSentBySeverity, true),
    ],
  );
  if (props.detailedMetrics) rows.push(...detailedRows(props.guardName));
  rows.push([
    new cloudwatch.GraphWidget({
      title: 'Poller invocations and errors',
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [
        props.pollerFunction.metricInvocations({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
        props.pollerFunction.metricErrors({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
      ],
    }),
    new cloudwatch.GraphWidget({
      title: 'Poller duration',
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [props.pollerFunction.metricDuration({ period: Duration.hours(1), statistic: cloudwatch.Stats.MAXIMUM })],
      leftAnnotations: [{ value: props.pollerTimeout.toMilliseconds(), label: 'Timeout' }],
    }),
    new cloudwatch.GraphWidget({
      title: 'Dead-lettered daily checks',
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [
        props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
      ],
    }),
  ]);
  if (props.notifier) rows.push(notifierRow(props.notifier));

  return new cloudwatch.Dashboard(scope, id, {
    dashboardName: props.guardName,
    // the guard reports once a day: the console's default three hours would show an empty dashboard
    defaultInterval: Duration.days(30),
    widgets: rows,
  });
}

/** One SEARCH graph per per-service or per-account metric: only with `detailedMetrics`. */
function detailedRows(guardName: string): cloudwatch.IWidget[][] {
  const search = (title: string, dimension: string, metricName: string, statistic: string) =>
    new cloudwatch.GraphWidget({
      title,
      width: HALF,
      height: GRAPH_HEIGHT,
      left: [
        new cloudwatch.MathExpression({
          expression: guardSearchExpression(guardName, dimension, metricName, statistic),
          usingMetrics: {},
          period: Duration.days(1),
          // a dynamic label: the legend shows the service or account id, not every dimension value
          label: `\${PROP('Dim.${dimension}')}`,
        }),
      ],
      legendPosition: cloudwatch.LegendPosition.RIGHT,
    });
  return [
    [
      search('Days to expiry per service', DIMENSION_SERVICE, METRIC_DAYS_TO_EXPIRY, cloudwatch.Stats.MINIMUM),
      search('Runway per account (days)', DIMENSION_ACCOUNT, METRIC_RUNWAY_DAYS, cloudwatch.Stats.MINIMUM),
    ],
    [
      search(
        "Balance per account (in the account's currency)",
        DIMENSION_ACCOUNT,
        METRIC_BALANCE,
        cloudwatch.Stats.MINIMUM,
      ),
      search('Spend per day per account', DIMENSION_ACCOUNT, METRIC_SPEND_PER_DAY, cloudwatch.Stats.AVERAGE),
    ],
  ];
}

/** Deliveries to chat, webhook and PagerDuty channels: throttles are alerts waiting their turn, not lost. */
function notifierRow(notifier: NonNullable<GuardDashboardProps['notifier']>): cloudwatch.IWidget[] {
  const hourly = { period: Duration.hours(1), statistic: cloudwatch.Stats.SUM };
  return [
    new cloudwatch.GraphWidget({
      title: 'Notifier invocations, errors and throttles',
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [
        notifier.function.metricInvocations(hourly),
        notifier.function.metricErrors(hourly),
        notifier.function.metricThrottles(hourly),
      ],
    }),
    new cloudwatch.GraphWidget({
      title: 'Notifier duration',
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [notifier.function.metricDuration({ period: Duration.hours(1), statistic: cloudwatch.Stats.MAXIMUM })],
      leftAnnotations: [{ value: notifier.timeout.toMilliseconds(), label: 'Timeout' }],
    }),
    new cloudwatch.GraphWidget({
      title: 'Undelivered alerts (notifier dead-letter queue)',
      width: THIRD,
      height: GRAPH_HEIGHT,
      left: [
        notifier.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
      ],
    }),
  ];
}
