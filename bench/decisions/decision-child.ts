/**
 * Core decision throughput in a fresh process: `decision-child.ts <services> <warmup> <passes>`. Prints
 * one JSON line (DecisionSample). The parent pins it to one core with `taskset -c 0` where available.
 *
 * The services come through the real config loader (normalized as the cycle sees them), in documents of
 * LOAD_CHUNK services: the loader's validation grows faster than linearly with one document's size, and
 * its speed is not what is measured here. One ExpiryContext is built, as a cycle builds one; each pass
 * calls `dueExpiryReminder` once per service. Only the passes are timed.
 */
import * as fs from 'fs';
import type { DecisionSample } from './decision-sample';
import { loadGuardConfig } from '../../lambda/app/load-config';
import { WorkingCalendar } from '../../lambda/core/calendar/working-calendar';
import type { GuardConfig, ServiceConfig } from '../../lambda/core/model';
import { dueExpiryReminder, indexChannels } from '../../lambda/core/reminders';
import { scaleDocument } from '../support/scale-config';

const TODAY = '2026-10-13';
const LOAD_CHUNK = 5_000;

function main(): void {
  const [services, warmup, passes] = process.argv.slice(2).map(Number);
  const loadStart = performance.now();
  const list: ServiceConfig[] = [];
  let config: GuardConfig | undefined;
  for (let first = 0; first < services!; first += LOAD_CHUNK) {
    const shape = { services: Math.min(LOAD_CHUNK, services! - first), accounts: 10, firstService: first };
    const loaded = loadGuardConfig({ overrides: scaleDocument(shape) });
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    list.push(...loaded.config.services);
    config ??= loaded.config;
  }
  const loadMs = performance.now() - loadStart;
  // every chunk covers the same expiry years, so the first chunk's calendar serves them all
  const ctx = { calendar: new WorkingCalendar(config!.calendar), channels: indexChannels(config!.channels) };

  const pass = (): number => {
    let due = 0;
    for (const service of list) if (dueExpiryReminder(service, TODAY, ctx) !== undefined) due++;
    return due;
  };
  for (let i = 0; i < warmup!; i++) pass();

  const perSecondRuns: number[] = [];
  const perCpuSecondRuns: number[] = [];
  let alertsPerPass = 0;
  for (let i = 0; i < passes!; i++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    alertsPerPass = pass();
    const cpu = process.cpuUsage(cpuStart);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    perSecondRuns.push(Math.round(list.length / seconds));
    perCpuSecondRuns.push(Math.round(list.length / ((cpu.user + cpu.system) / 1e6)));
  }
  const sample: DecisionSample = {
    services: list.length,
    today: TODAY,
    warmupPasses: warmup!,
    perSecondRuns,
    perCpuSecondRuns,
    loadMs,
    alertsPerPass,
    cpusAllowed: cpusAllowed(),
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

function cpusAllowed(): number {
  try {
    const line = fs.readFileSync('/proc/self/status', 'utf8').match(/^Cpus_allowed_list:\s*(.+)$/m)?.[1] ?? '';
    return line.split(',').reduce((n, part) => {
      const [a, b] = part.split('-').map(Number);
      return n + (b === undefined ? 1 : b! - a! + 1);
    }, 0);
  } catch {
    return 0;
  }
}

main();
