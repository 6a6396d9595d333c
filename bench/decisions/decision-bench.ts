/**
 * Benchmark 6: core decision throughput. `dueExpiryReminder` over 100,000 services on one core (the child
 * is pinned with `taskset -c 0` when the machine has it), after warm-up passes; the median pass counts.
 */
import { execFileSync } from 'child_process';
import type { DecisionSample } from './decision-sample';
import { runTsChild } from '../support/child-process';
import type { MachineInfo } from '../support/machine';
import type { BenchmarkResult } from '../support/results';
import { median } from '../support/stats';

export const DECISION_SERVICES = 100_000;
const TARGET_PER_SECOND = 100_000;

export async function decisionBenchmark(options: {
  passes: number;
  machine: MachineInfo;
  log: (line: string) => void;
}): Promise<BenchmarkResult> {
  const warmup = 3;
  const sample = await runTsChild<DecisionSample>(
    'decisions/decision-child.ts',
    [String(DECISION_SERVICES), String(warmup), String(options.passes)],
    { prefix: hasTaskset() ? ['taskset', '-c', '0'] : [] },
  );
  const perSecond = Math.round(median(sample.perSecondRuns));
  const perCpuSecond = Math.round(median(sample.perCpuSecondRuns));
  options.log(
    `decisions: ${perCpuSecond.toLocaleString('en')} services per CPU-second, ` +
      `${perSecond.toLocaleString('en')} per wall-clock second (medians of ${options.passes} passes)`,
  );
  return {
    id: 'decisions',
    title: 'Core decision throughput',
    date: options.machine.date,
    machine: options.machine,
    method:
      `dueExpiryReminder over ${sample.services.toLocaleString('en')} services normalized by the real config ` +
      `loader, one ExpiryContext, today ${sample.today}; ${warmup} warm-up passes, then ${options.passes} timed ` +
      `passes in one process allowed ${sample.cpusAllowed} CPU(s); median pass. The verdict uses services per ` +
      'CPU-second of that process (the time the core actually ran it), since other work on a shared machine ' +
      'stretches wall-clock time; the wall-clock rate is reported next to it.',
    targets: [
      {
        id: 'decisions-per-second',
        what: 'services evaluated per second, one core',
        target: `≥ ${TARGET_PER_SECOND.toLocaleString('en')}`,
        measured:
          `${perCpuSecond.toLocaleString('en')} per CPU-second; ${perSecond.toLocaleString('en')} per wall-clock ` +
          `second (medians of ${options.passes})`,
        ratio: TARGET_PER_SECOND / perCpuSecond,
        met: perCpuSecond >= TARGET_PER_SECOND,
      },
    ],
    details: sample,
  };
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}
