/**
 * A small model of how CloudWatch evaluates a metric alarm, to test synthesized alarms where there is no
 * CloudWatch. It follows the CloudWatch User Guide, "How alarm state is evaluated when data is missing"
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html, formerly
 * AlarmThatSendsEmail.html#alarms-evaluating-missing-data; source text in awsdocs/amazon-cloudwatch-user-guide,
 * doc_source/AlarmThatSendsEmail.md):
 *
 * - CloudWatch retrieves more datapoints than Evaluation Periods (N): the evaluation range. Its length
 *   "depends on the length of the alarm period" and is not documented beyond an example (5 for N = 3), so
 *   it is a parameter here.
 * - If the range holds at least N real datapoints, the newest N real ones are evaluated; the missing-data
 *   setting is not used.
 * - Otherwise the missing ones are filled in with the setting, "as few times as possible", and every real
 *   datapoint in the range is included, "no matter when they were reported".
 * - If fewer than Datapoints to Alarm (M) of the N evaluated are breaching, the state is OK, else ALARM.
 * - `missing`: all missing is INSUFFICIENT_DATA; `ignore`: all missing keeps the current state.
 * - With `missing`, a lone breaching datapoint still alarms "when the oldest available breaching data
 *   point in the alarm's evaluation range is at least as old as the value of Datapoints to Alarm, and all
 *   other more recent data points are breaching or missing" (AWS Knowledge Center,
 *   "cloudwatch-alarm-single-data-point"); with `ignore` the documented table keeps the current state.
 *
 * Simplifications, none of which the guard's alarms depend on: datapoints are aggregated into periods
 * aligned to the epoch, the newest period is the last complete one before `now`, and metric math is
 * limited to a metric alone or `FILL(metric, number)`.
 */

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export type MissingDataTreatment = 'breaching' | 'notBreaching' | 'ignore' | 'missing';
export type ComparisonOperator =
  'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
export type Statistic = 'Sum' | 'Minimum' | 'Maximum' | 'Average' | 'SampleCount';

export interface AlarmRule {
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
  readonly treatMissingData: MissingDataTreatment;
}

/** One datapoint per period of the evaluation range, oldest first; `undefined` where data is missing. */
export type Datapoints = ReadonlyArray<number | undefined>;

/** The alarm state CloudWatch sets from the datapoints of an evaluation range. */
export function evaluateDatapoints(range: Datapoints, rule: AlarmRule, currentState: AlarmState): AlarmState {
  const n = rule.evaluationPeriods;
  const m = rule.datapointsToAlarm;
  if (range.length < n) throw new Error(`the evaluation range (${range.length}) is shorter than ${n} periods`);
  if (m < 1 || m > n) throw new Error(`datapointsToAlarm ${m} is not between 1 and evaluationPeriods ${n}`);
  const breaches = (value: number) => compare(value, rule.comparisonOperator, rule.threshold);
  // ages count back from the newest period, which is 1
  const real = range
    .map((value, i) => ({ value, age: range.length - i }))
    .filter((d): d is { value: number; age: number } => d.value !== undefined);

  if (real.length >= n) {
    const breaching = real.slice(-n).filter((d) => breaches(d.value)).length;
    return breaching >= m ? 'ALARM' : 'OK';
  }
  const breachingReal = real.filter((d) => breaches(d.value)).length;
  const missingUsed = n - real.length;
  switch (rule.treatMissingData) {
    case 'breaching':
      return breachingReal + missingUsed >= m ? 'ALARM' : 'OK';
    case 'notBreaching':
      return breachingReal >= m ? 'ALARM' : 'OK';
    case 'ignore':
    case 'missing': {
      if (real.length === 0) return rule.treatMissingData === 'ignore' ? currentState : 'INSUFFICIENT_DATA';
      if (breachingReal >= m) return 'ALARM';
      if (breachingReal < real.length) return 'OK';
      if (rule.treatMissingData === 'ignore') return currentState;
      return real[0].age >= m ? 'ALARM' : 'INSUFFICIENT_DATA';
    }
  }
}

function compare(value: number, operator: ComparisonOperator, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

/** A raw value sent to CloudWatch (an EMF datum, a Lambda `Errors` count). */
export interface Sample {
  readonly at: Date;
  readonly value: number;
}

/** The samples aggregated into `periods` periods of `periodSeconds` ending before `end`, oldest first. */
export function aggregate(
  samples: readonly Sample[],
  options: {
    readonly periodSeconds: number;
    readonly statistic: Statistic;
    readonly end: Date;
    readonly periods: number;
  },
): Datapoints {
  const period = options.periodSeconds * 1000;
  const end = Math.floor(options.end.getTime() / period) * period;
  const start = end - options.periods * period;
  const buckets: number[][] = Array.from({ length: options.periods }, () => []);
  for (const sample of samples) {
    const t = sample.at.getTime();
    if (t < start || t >= end) continue;
    buckets[Math.floor((t - start) / period)].push(sample.value);
  }
  return buckets.map((values) => (values.length === 0 ? undefined : statistic(values, options.statistic)));
}

function statistic(values: readonly number[], stat: Statistic): number {
  switch (stat) {
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'Minimum':
      return Math.min(...values);
    case 'Maximum':
      return Math.max(...values);
    case 'Average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'SampleCount':
      return values.length;
  }
}

/** What the simulator reads of an `AWS::CloudWatch::Alarm`. */
export interface SimulatedAlarm extends AlarmRule {
  readonly periodSeconds: number;
  readonly statistic: Statistic;
  readonly namespace: string;
  readonly metricName: string;
  /** The value of `FILL(metric, value)` when the alarm watches that expression. */
  readonly fill?: number;
}

const STATISTICS: readonly string[] = ['Sum', 'Minimum', 'Maximum', 'Average', 'SampleCount'];
const FILL_EXPRESSION = /^FILL\(\s*([a-z][a-zA-Z0-9_]*)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)$/;

/**
 * Reads the properties of a synthesized `AWS::CloudWatch::Alarm`: a single-metric alarm, or a metric-math
 * alarm whose expression is one metric or `FILL(metric, number)`. Anything else throws, so a test cannot
 * silently simulate an alarm it does not understand.
 */
export function alarmFromTemplate(properties: Record<string, any>): SimulatedAlarm {
  const evaluationPeriods = numberOf(properties.EvaluationPeriods, 'EvaluationPeriods');
  const rule: AlarmRule = {
    evaluationPeriods,
    datapointsToAlarm:
      properties.DatapointsToAlarm === undefined
        ? evaluationPeriods
        : numberOf(properties.DatapointsToAlarm, 'DatapointsToAlarm'),
    threshold: numberOf(properties.Threshold, 'Threshold'),
    comparisonOperator: properties.ComparisonOperator,
    treatMissingData: properties.TreatMissingData ?? 'missing',
  };
  if (!properties.Metrics) {
    return {
      ...rule,
      periodSeconds: numberOf(properties.Period, 'Period'),
      statistic: statisticOf(properties.Statistic),
      namespace: properties.Namespace,
      metricName: properties.MetricName,
    };
  }

  const queries = properties.Metrics as Array<Record<string, any>>;
  const returned = queries.filter((q) => q.ReturnData !== false);
  if (returned.length !== 1 || typeof returned[0].Expression !== 'string') {
    throw new Error('unsupported alarm: expected exactly one returned expression');
  }
  const expression: string = returned[0].Expression.trim();
  const fill = FILL_EXPRESSION.exec(expression);
  const id = fill ? fill[1] : expression;
  const stat = queries.find((q) => q.Id === id)?.MetricStat;
  if (!stat) throw new Error(`unsupported alarm expression: ${expression}`);
  return {
    ...rule,
    periodSeconds: numberOf(stat.Period, 'MetricStat.Period'),
    statistic: statisticOf(stat.Stat),
    namespace: stat.Metric.Namespace,
    metricName: stat.Metric.MetricName,
    ...(fill && { fill: Number(fill[2]) }),
  };
}

function numberOf(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`alarm ${name} is not a number`);
  return value;
}

function statisticOf(value: unknown): Statistic {
  if (typeof value !== 'string' || !STATISTICS.includes(value)) throw new Error(`unsupported statistic ${value}`);
  return value as Statistic;
}

export interface EvaluationOptions {
  readonly now: Date;
  /** How many periods CloudWatch retrieves; at least `evaluationPeriods`. */
  readonly evaluationRange: number;
  /** @default 'INSUFFICIENT_DATA', the state of a new alarm */
  readonly currentState?: AlarmState;
  /**
   * What `FILL` returns for a series with no datapoint at all in the range, which is not documented:
   * nothing (every period missing) or the fill value in every period.
   * @default 'nothing'
   */
  readonly fillOfEmptySeries?: 'nothing' | 'filled';
}

/** The state the alarm would set at `now`, given the samples of its metric. */
export function evaluateAlarm(
  alarm: SimulatedAlarm,
  samples: readonly Sample[],
  options: EvaluationOptions,
): AlarmState {
  let range = aggregate(samples, {
    periodSeconds: alarm.periodSeconds,
    statistic: alarm.statistic,
    end: options.now,
    periods: options.evaluationRange,
  });
  if (alarm.fill !== undefined) {
    const empty = range.every((v) => v === undefined);
    if (!empty || options.fillOfEmptySeries === 'filled') range = range.map((v) => v ?? alarm.fill);
  }
  return evaluateDatapoints(range, alarm, options.currentState ?? 'INSUFFICIENT_DATA');
}
