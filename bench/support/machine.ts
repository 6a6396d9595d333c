/**
 * The machine a run happened on, as the README quotes it: `nproc`, `free -h`, the node version, the CPU,
 * and the load average before the run (other work on a shared machine shows up in timings).
 */
import { execFileSync } from 'child_process';
import * as os from 'os';

export interface MachineInfo {
  readonly date: string;
  readonly nproc: number;
  readonly freeH: string;
  readonly node: string;
  readonly cpu: string;
  readonly arch: string;
  readonly platform: string;
  readonly loadAverage: readonly number[];
}

export function machineInfo(date: Date): MachineInfo {
  return {
    date: date.toISOString(),
    nproc: Number(run('nproc', []) || os.cpus().length),
    freeH: run('free', ['-h']),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    arch: process.arch,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}
