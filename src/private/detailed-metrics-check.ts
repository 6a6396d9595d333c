import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IConstruct } from 'constructs';
import { DETAILED_METRICS, DIMENSION_GUARD, METRICS_NAMESPACE } from '../shared/metrics-schema';

/**
 * The problems of alarms anywhere in the app that watch a per-service or per-account metric of this
 * guard while it does not publish them (`detailedMetrics` off): such an alarm would never receive a
 * datapoint, and with missing data not breaching (what a daily metric needs) it would stay OK forever,
 * a silent gap in exactly the watch the guard exists for. Graphs of them are left alone: an empty graph
 * is visible, a quiet alarm is not.
 */
export function alarmsOnUnpublishedMetrics(root: IConstruct, guardName: string): string[] {
  const problems: string[] = [];
  for (const construct of root.node.findAll()) {
    if (!(construct instanceof cloudwatch.Alarm)) continue;
    for (const metricName of unpublishedMetricsOf(construct.metric, guardName)) {
      problems.push(
        `alarm ${construct.node.path} watches ${metricName} of RenewalGuard ${guardName}, which is published ` +
          'only with detailedMetrics: true. Set detailedMetrics: true on the guard (one custom metric per ' +
          'service or account, about $0.012 each a month), or alarm on a guard-level metric such as ' +
          'metricMinDaysToExpiry() or metricMinRunwayDays().',
      );
    }
  }
  return problems;
}

function unpublishedMetricsOf(metric: cloudwatch.IMetric, guardName: string): string[] {
  if (metric instanceof cloudwatch.MathExpression) {
    return Object.values(metric.usingMetrics).flatMap((m) => unpublishedMetricsOf(m, guardName));
  }
  if (!(metric instanceof cloudwatch.Metric)) return [];
  const isThisGuard = metric.namespace === METRICS_NAMESPACE && metric.dimensions?.[DIMENSION_GUARD] === guardName;
  return isThisGuard && DETAILED_METRICS.includes(metric.metricName) ? [metric.metricName] : [];
}
