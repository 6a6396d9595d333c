/** What the decision-throughput child reports. */
export interface DecisionSample {
  readonly services: number;
  readonly today: string;
  readonly warmupPasses: number;
  /** Services evaluated per second, one value per timed pass. */
  readonly perSecondRuns: readonly number[];
  /** Services per CPU-second of this process, per pass: what one core does when it is ours. */
  readonly perCpuSecondRuns: readonly number[];
  /** Loading and validating the services through the config loader (not part of the passes). */
  readonly loadMs: number;
  /** Alerts due on `today` per pass (the same every pass: a check that the work was done). */
  readonly alertsPerPass: number;
  /** The CPUs the process was allowed to run on (1 when pinned with taskset). */
  readonly cpusAllowed: number;
}
