/**
 * The SNS message CloudWatch publishes when an alarm changes state, built from the alarm as provisioned
 * (DescribeAlarms): Subject `ALARM: "<name>" in <region name>`, a JSON body (AlarmName, NewStateValue,
 * OldStateValue, Trigger …) published as a plain message — no `MessageStructure`, and no message
 * attributes at all, so a subscription whose filter policy names attributes never matches it.
 * moto does not run alarm actions, so the harness publishes this itself (EmulatedDeployment.fireAlarm).
 */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** CloudWatch names the region in words in alarm notifications. */
const REGION_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'cn-north-1': 'China (Beijing)',
};

export interface AlarmNotification {
  readonly subject: string;
  /** The JSON body, as the SNS `Message`. */
  readonly message: string;
}

export function alarmNotification(
  alarm: MetricAlarm,
  change: {
    readonly newState: AlarmStateValue;
    readonly oldState?: AlarmStateValue;
    readonly reason: string;
    readonly at: Date;
    readonly account: string;
    readonly region: string;
  },
): AlarmNotification {
  const region = REGION_NAMES[change.region];
  if (!region) throw new Error(`alarmNotification: add the display name of region ${change.region}`);
  const timestamp = (d: Date) => d.toISOString().replace('Z', '+0000');
  const trigger = alarm.Metrics?.length
    ? {
        Period:
          alarm.Metrics.find((m) => m.ReturnData !== false)?.Period ??
          alarm.Metrics.find((m) => m.MetricStat)?.MetricStat?.Period,
        EvaluationPeriods: alarm.EvaluationPeriods,
        ...(alarm.DatapointsToAlarm !== undefined && { DatapointsToAlarm: alarm.DatapointsToAlarm }),
        ComparisonOperator: alarm.ComparisonOperator,
        Threshold: alarm.Threshold,
        TreatMissingData: alarm.TreatMissingData ?? '',
        EvaluateLowSampleCountPercentile: alarm.EvaluateLowSampleCountPercentile ?? '',
        Metrics: alarm.Metrics.map((m) => ({
          ...(m.Expression !== undefined && { Expression: m.Expression }),
          Id: m.Id,
          ...(m.Label !== undefined && { Label: m.Label }),
          ...(m.MetricStat && {
            MetricStat: {
              Metric: {
                Dimensions: (m.MetricStat.Metric?.Dimensions ?? []).map((d) => ({ value: d.Value, name: d.Name })),
                MetricName: m.MetricStat.Metric?.MetricName,
                Namespace: m.MetricStat.Metric?.Namespace,
              },
              Period: m.MetricStat.Period,
              Stat: m.MetricStat.Stat,
            },
          }),
          ReturnData: m.ReturnData ?? true,
        })),
      }
    : {
        MetricName: alarm.MetricName,
        Namespace: alarm.Namespace,
        StatisticType: alarm.ExtendedStatistic ? 'ExtendedStatistic' : 'Statistic',
        Statistic: (alarm.ExtendedStatistic ?? alarm.Statistic ?? '').toUpperCase(),
        Unit: alarm.Unit ?? null,
        Dimensions: (alarm.Dimensions ?? []).map((d) => ({ value: d.Value, name: d.Name })),
        Period: alarm.Period,
        EvaluationPeriods: alarm.EvaluationPeriods,
        ...(alarm.DatapointsToAlarm !== undefined && { DatapointsToAlarm: alarm.DatapointsToAlarm }),
        ComparisonOperator: alarm.ComparisonOperator,
        Threshold: alarm.Threshold,
        TreatMissingData: alarm.TreatMissingData ?? '',
        EvaluateLowSampleCountPercentile: alarm.EvaluateLowSampleCountPercentile ?? '',
      };
  const body = {
    AlarmName: alarm.AlarmName,
    AlarmDescription: alarm.AlarmDescription ?? null,
    AWSAccountId: change.account,
    AlarmConfigurationUpdatedTimestamp: timestamp(alarm.AlarmConfigurationUpdatedTimestamp ?? change.at),
    NewStateValue: change.newState,
    NewStateReason: change.reason,
    StateChangeTime: timestamp(change.at),
    Region: region,
    AlarmArn: alarm.AlarmArn,
    OldStateValue: change.oldState ?? 'INSUFFICIENT_DATA',
    OKActions: alarm.OKActions ?? [],
    AlarmActions: alarm.AlarmActions ?? [],
    InsufficientDataActions: alarm.InsufficientDataActions ?? [],
    Trigger: trigger,
  };
  return { subject: `${change.newState}: "${alarm.AlarmName}" in ${region}`, message: JSON.stringify(body) };
}
