/**
 * Config documents of any size, in the contract's shape (section 2), shared by the benchmarks so every
 * one of them measures the same registry: ids that sort like real ones, owners and projects that repeat,
 * and expiries spread evenly over the year after the pinned "today", so a sixth of the services (the 60-day
 * horizon of the default tiers) have a reminder due on any given day.
 */

/** The instant the benchmarks run at: 09:30 in Shanghai, the day before China's National Day holidays. */
export const BENCH_NOW = new Date('2026-09-30T09:30:00+08:00');
export const BENCH_TODAY = '2026-09-30';

export interface ScaleShape {
  readonly services: number;
  /** Polled accounts (vendor `agora`, credentials by secret name); services are spread over them evenly. */
  readonly accounts: number;
  /** Index of the first service, to build a large registry from several documents. @default 0 */
  readonly firstService?: number;
}

/** The contract's shape for a registry of `shape.services` services over `shape.accounts` polled accounts. */
export function scaleDocument(shape: ScaleShape): Record<string, unknown> {
  return {
    version: 1,
    timeZone: 'Asia/Shanghai',
    checkTime: '09:30',
    calendar: 'CN',
    accounts: Array.from({ length: shape.accounts }, (_, i) => ({
      id: accountId(i),
      vendor: 'agora',
      credentials: `renewal-guard/${accountId(i)}`,
    })),
    services: Array.from({ length: shape.services }, (_, i) =>
      serviceEntry((shape.firstService ?? 0) + i, shape.accounts),
    ),
    channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
  };
}

export function accountId(i: number): string {
  return `acct-${String(i).padStart(4, '0')}`;
}

export function serviceId(i: number): string {
  return `svc-${String(i).padStart(5, '0')}`;
}

function serviceEntry(i: number, accounts: number): Record<string, unknown> {
  return {
    id: serviceId(i),
    name: `Service ${i}`,
    project: `project-${i % 37}`,
    ...(accounts > 0 ? { account: accountId(i % accounts) } : {}),
    kind: 'subscription',
    expiresOn: expiryOf(i),
    owners: [`owner-${i % 50}@example.com`],
  };
}

/**
 * 1 to 365 days after BENCH_TODAY. 7919 is prime and coprime with 365, so consecutive services land on
 * days far apart and every day of the year gets the same share.
 */
export function expiryOf(i: number): string {
  const offset = 1 + ((i * 7919) % 365);
  const date = new Date(Date.UTC(2026, 8, 30 + offset));
  return date.toISOString().slice(0, 10);
}
