import type { CallTimes } from './call-timer';
import type { DynamoUsage } from './dynamo-meter';
import type { LogUsage } from './log-meter';
import type { PublishUsage } from './publish-meter';

export type CycleKind = 'catch-up' | 'daily' | 'quiet';

/** One cycle of one run. */
export interface CycleMeasurement {
  readonly kind: CycleKind;
  readonly now: string;
  readonly wallMs: number;
  /**
   * CPU time of this process (user + system) during the cycle: the cycle's own work plus the in-process
   * dynalite's. Unlike wall time it hardly moves when other work shares the machine.
   */
  readonly cpuMs: number;
  /** From the start until the claims are made ("cycle evaluated"); the rest is delivery. */
  readonly evaluatedMs: number;
  readonly vendorCalls: number;
  /** Vendor calls × latency ÷ concurrency. */
  readonly floorMs: number;
  readonly alerts: number;
  readonly deliveries: number;
  readonly dynamo: DynamoUsage;
  readonly publish: PublishUsage;
  /** Powertools log lines of the cycle plus the handler's completion line. */
  readonly logs: LogUsage;
  readonly emf: {
    readonly documents: number;
    readonly bytes: number;
    /** Distinct metrics with the construct's default: guard-level series only. */
    readonly distinctMetrics: number;
    /** Distinct metrics by metric name, with the default. */
    readonly byName: Readonly<Record<string, number>>;
    /** Distinct metrics with `detailedMetrics: true` (DaysToExpiry per service, Balance per account, ...). */
    readonly distinctMetricsDetailed: number;
    /** Distinct metrics, detailed, with cycle-metrics' `daysToExpiryWindow: 7` instead of each service's horizon. */
    readonly distinctMetricsWindow7: number;
  };
  readonly registryCalls: CallTimes;
}

/** What one cycle run (one child process) reports. */
export interface CycleSample {
  readonly services: number;
  readonly accounts: number;
  readonly latencyMs: number;
  readonly concurrency: number;
  /** syncDeclaredServices of every service into the empty registry: the seeding, not timed as a cycle. */
  readonly seedMs: number;
  readonly cycles: readonly CycleMeasurement[];
  /** Expiry reminders the next 30 days hold after the daily cycle (pure core, no registry). */
  readonly alertsNext30Days: number;
  /** Average item sizes after the cycles (DynamoDB's size rules), by kind. */
  readonly itemBytes: Readonly<Record<string, { readonly items: number; readonly averageBytes: number }>>;
}
