import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { DIMENSION_GUARD, METRICS_NAMESPACE } from '../shared/metrics-schema';

/**
 * Every guard metric is emitted once per daily cycle, so a day is the period at which each one has one
 * datapoint; shorter periods graph as isolated dots and alarm on mostly missing data.
 */
export const GUARD_METRIC_PERIOD = Duration.days(1);

export interface GuardMetricDefaults {
  /** Dimensions besides `Guard`: `ServiceId` or `AccountId`. */
  readonly dimensions?: Readonly<Record<string, string>>;
  readonly statistic: string;
}

/**
 * A metric in the guard's namespace, always carrying its `Guard` dimension. `props` win over the defaults,
 * except that their `dimensionsMap` is merged over the guard's dimensions rather than replacing them: a
 * metric without `Guard` would read no guard's data, or every guard's.
 */
export function guardMetric(
  guardName: string,
  metricName: string,
  defaults: GuardMetricDefaults,
  props: cloudwatch.MetricOptions = {},
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    ...props,
    namespace: METRICS_NAMESPACE,
    metricName,
    // `??`, not spread order: an option passed as undefined keeps the default
    statistic: props.statistic ?? defaults.statistic,
    period: props.period ?? GUARD_METRIC_PERIOD,
    dimensionsMap: { [DIMENSION_GUARD]: guardName, ...defaults.dimensions, ...props.dimensionsMap },
  });
}

/**
 * Throws when `id` names no declared service or account: a metric on an id the guard never reports has
 * no data, and an alarm on it would never fire. Unresolved tokens are left to the deploy.
 */
export function assertDeclared(
  id: string,
  declared: ReadonlySet<string>,
  what: { readonly method: string; readonly prop: string; readonly kind: 'a service' | 'an account' },
): void {
  if (Token.isUnresolved(id) || declared.has(id)) return;
  throw new Error(
    `unknown ${what.prop} '${id}' in ${what.method}: use the ${what.prop} of ${what.kind} declared in the config`,
  );
}

/** The ids of config entries (services or accounts), which the loaded config carries as `id`. */
export function declaredIds(entries: readonly unknown[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = (entry as { readonly id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * A CloudWatch SEARCH over one of the guard's per-service or per-account metrics: one graph line per
 * dimension value, found when the dashboard renders, so the template stays the same size whatever the
 * number of services. The `Guard` value is quoted: it is the exact value, not a search term.
 */
export function guardSearchExpression(
  guardName: string,
  dimension: string,
  metricName: string,
  statistic: string,
): string {
  const schema = `{${METRICS_NAMESPACE},${DIMENSION_GUARD},${dimension}}`;
  const filter = `MetricName="${metricName}" ${DIMENSION_GUARD}="${guardName}"`;
  return `SEARCH('${schema} ${filter}', '${statistic}', ${GUARD_METRIC_PERIOD.toSeconds()})`;
}
