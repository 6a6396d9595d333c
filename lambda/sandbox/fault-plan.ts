import type { SandboxFault } from './sandbox-vendor';

type AnsweringFault = Exclude<SandboxFault, { kind: 'latency' }>;

/** What the sandbox does to the next request of a vendor before (or instead of) its module answering. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault?: AnsweringFault;
}

/**
 * The faults injected per vendor. Latencies add up and apply to every request; of the other faults, the
 * first one injected that still applies answers the request: `auth-failure` and `hang` until cleared,
 * counted faults (`throttle`, `server-error`, `malformed`) for their next `times` requests.
 */
export class FaultPlan {
  private readonly faults = new Map<string, { readonly fault: SandboxFault; remaining: number }[]>();

  inject(vendor: string, fault: SandboxFault): void {
    const remaining = 'times' in fault ? fault.times : Infinity;
    if (!(remaining >= 1)) throw new RangeError(`sandbox: a ${fault.kind} fault needs times of 1 or more`);
    const list = this.faults.get(vendor) ?? [];
    list.push({ fault, remaining });
    this.faults.set(vendor, list);
  }

  clear(vendor?: string): void {
    if (vendor === undefined) this.faults.clear();
    else this.faults.delete(vendor);
  }

  next(vendor: string): FaultDecision {
    let latencyMs = 0;
    let fault: AnsweringFault | undefined;
    for (const entry of this.faults.get(vendor) ?? []) {
      if (entry.fault.kind === 'latency') {
        latencyMs += entry.fault.ms;
      } else if (!fault && entry.remaining > 0) {
        fault = entry.fault;
        entry.remaining -= 1;
      }
    }
    return { latencyMs, ...(fault && { fault }) };
  }
}
