/**
 * Metrics out as CloudWatch Embedded Metric Format: one JSON document per line on stdout, from which
 * CloudWatch Logs extracts the metrics (no PutMetricData call, no extra permission). Written here rather
 * than through @aws-lambda-powertools/metrics, which this package does not depend on; the format is
 * small and specified (CloudWatch user guide, "Specification: Embedded metric format").
 *
 * Documents go to process.stdout directly, not through console.log: in Lambda's text log format the
 * runtime's console prefixes each line with a timestamp, request id and level, and CloudWatch then no
 * longer sees a JSON document (aws-powertools/powertools-lambda-typescript#1766).
 */
import { METRICS_NAMESPACE } from '../../src/shared/metrics-schema';
import { RenewalGuardError } from '../core/errors';
import type { MetricDatum, MetricUnit } from '../core/metrics-port';

/** The specification's limits: metrics per directive, values per metric, keys per dimension set. */
export const EMF_MAX_METRICS = 100;
export const EMF_MAX_VALUES = 100;
export const EMF_MAX_DIMENSIONS = 30;

/** A datum that no EMF document can carry (a programming error: the cycle never builds one). */
export class EmfMetricsError extends RenewalGuardError {
  constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'EmfMetricsError';
  }
}

export interface EmfDocument {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: ReadonlyArray<{
      readonly Namespace: string;
      readonly Dimensions: ReadonlyArray<readonly string[]>;
      readonly Metrics: ReadonlyArray<{ readonly Name: string; readonly Unit: MetricUnit }>;
    }>;
  };
  /** Dimension values and metric values, as root members named by the directive. */
  readonly [member: string]: unknown;
}

export interface EmfOptions {
  /** The instant the metrics describe (the cycle's). */
  readonly timestamp: Date;
  /** @default 'RenewalGuard' */
  readonly namespace?: string;
}

export interface EmitEmfOptions extends EmfOptions {
  /** Receives one JSON document per call, without a newline. @default a line on process.stdout */
  readonly write?: (line: string) => void;
}

/**
 * Writes the datums as EMF documents and returns how many were written.
 *
 * @example
 * emitEmfMetrics(cycleMetrics(report, config, { guardName }), { timestamp: now });
 */
export function emitEmfMetrics(datums: readonly MetricDatum[], options: EmitEmfOptions): number {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const documents = emfDocuments(datums, options);
  for (const document of documents) write(JSON.stringify(document));
  return documents.length;
}

/**
 * Groups datums into EMF documents. Dimension values are root members, so a document holds one value per
 * dimension: datums are grouped by their dimension values (one document per service, per account, and
 * one for the guard), and a group is split further past 100 metric names or 100 values of one name.
 * The same name twice in a group becomes an array of values, which EMF reads as several datapoints.
 */
export function emfDocuments(datums: readonly MetricDatum[], options: EmfOptions): EmfDocument[] {
  const timestamp = options.timestamp.getTime();
  if (!Number.isFinite(timestamp)) throw new EmfMetricsError('the metrics timestamp is not a valid instant');
  const namespace = options.namespace ?? METRICS_NAMESPACE;

  const groups = new Map<string, MetricDatum[]>();
  for (const datum of datums) {
    validate(datum);
    const key = JSON.stringify(Object.entries(datum.dimensions));
    const group = groups.get(key);
    if (group) group.push(datum);
    else groups.set(key, [datum]);
  }

  const documents: EmfDocument[] = [];
  for (const group of groups.values()) {
    const dimensions = group[0].dimensions;
    let metrics = new Map<string, { unit: MetricUnit; values: number[] }>();
    const flush = () => {
      if (metrics.size > 0) documents.push(emfDocument(namespace, timestamp, dimensions, metrics));
      metrics = new Map();
    };
    for (const datum of group) {
      let metric = metrics.get(datum.name);
      if (metric?.values.length === EMF_MAX_VALUES || (!metric && metrics.size === EMF_MAX_METRICS)) {
        flush();
        metric = undefined;
      }
      if (metric) metric.values.push(datum.value);
      else metrics.set(datum.name, { unit: datum.unit, values: [datum.value] });
    }
    flush();
  }
  return documents;
}

function emfDocument(
  namespace: string,
  timestamp: number,
  dimensions: Readonly<Record<string, string>>,
  metrics: ReadonlyMap<string, { unit: MetricUnit; values: number[] }>,
): EmfDocument {
  const members: Record<string, unknown> = { ...dimensions };
  for (const [name, { values }] of metrics) members[name] = values.length === 1 ? values[0] : values;
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [Object.keys(dimensions)],
          Metrics: [...metrics].map(([name, { unit }]) => ({ Name: name, Unit: unit })),
        },
      ],
    },
    ...members,
  };
}

function validate(datum: MetricDatum): void {
  const where = `metric ${datum.name} ${JSON.stringify(datum.dimensions)}`;
  if (!Number.isFinite(datum.value)) throw new EmfMetricsError(`${where}: value ${datum.value} is not a finite number`);
  const names = Object.keys(datum.dimensions);
  if (names.length === 0 || names.length > EMF_MAX_DIMENSIONS) {
    throw new EmfMetricsError(`${where}: needs 1 to ${EMF_MAX_DIMENSIONS} dimensions, has ${names.length}`);
  }
  if (names.includes(datum.name) || datum.name === '_aws') {
    throw new EmfMetricsError(`${where}: a metric cannot share its name with a dimension or _aws`);
  }
  for (const [name, value] of Object.entries(datum.dimensions)) {
    // CloudWatch accepts only non-blank ASCII dimension values; anything else would drop the document
    if (!/^[\x20-\x7e]+$/.test(value) || value.trim() === '') {
      throw new EmfMetricsError(`${where}: dimension ${name} must be printable ASCII, got ${JSON.stringify(value)}`);
    }
  }
}
