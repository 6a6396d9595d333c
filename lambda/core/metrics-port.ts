/** What a cycle's metrics are, as data: the poller computes them, the EMF writer (lambda/aws) emits them. */

/** CloudWatch has no unit for days or for money: both go out as `None`. */
export type MetricUnit = 'Count' | 'None';

/** One value of one metric; the writer groups these into EMF documents. */
export interface MetricDatum {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly value: number;
  /** Dimension name → value; always includes the `Guard` dimension. */
  readonly dimensions: Readonly<Record<string, string>>;
}
