/**
 * An adapter under test against the vendor sandbox: one virtual clock shared by the client (its
 * retries and rate limits take no real time) and the sandbox (relative dates, rate windows), real HTTP
 * over loopback, and secrets from a map.
 */
import { VirtualTime } from './virtual-time';
import type { AccountConfig } from '../../../lambda/core/model';
import type { AccountSnapshot, PollContext, SecretResolver, VendorAdapter } from '../../../lambda/core/vendor-port';
import { startVendorSandbox, type SandboxFixtures, type VendorSandbox } from '../../../lambda/sandbox';
import { ResilientHttp, type ResilientHttpOptions, type RetryEvent } from '../../../lambda/vendors/http';

export const NOW = '2026-09-30T01:30:00.000Z';

export class MapSecrets implements SecretResolver {
  constructor(private readonly secrets: Readonly<Record<string, Readonly<Record<string, string>>>>) {}

  async resolve(name: string): Promise<Readonly<Record<string, string>>> {
    const fields = this.secrets[name];
    if (!fields) throw new Error(`test secret "${name}" not found`);
    return fields;
  }
}

export interface Harness {
  readonly sandbox: VendorSandbox;
  readonly time: VirtualTime;
  readonly retries: RetryEvent[];
  poll(adapter: VendorAdapter, account: AccountConfig): Promise<AccountSnapshot>;
  /** The rejection of a poll that must fail. */
  pollError(adapter: VendorAdapter, account: AccountConfig): Promise<Error>;
  /** Stops the sandbox; again is a no-op. */
  stop(): Promise<void>;
}

export async function startHarness(
  fixtures: SandboxFixtures,
  secrets: Readonly<Record<string, Readonly<Record<string, string>>>>,
  httpOptions: ResilientHttpOptions = {},
): Promise<Harness> {
  const time = new VirtualTime(NOW);
  const sandbox = await startVendorSandbox({ fixtures, clock: time.clock });
  const retries: RetryEvent[] = [];
  const http = new ResilientHttp({
    fetch: time.track((input, init) => fetch(input, init)),
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    timeoutMs: 250,
    onRetry: (e) => retries.push(e),
    ...httpOptions,
  });
  let stopped: Promise<void> | undefined;
  const ctx = (): PollContext => ({ now: new Date(NOW), secrets: new MapSecrets(secrets), http });
  return {
    sandbox,
    time,
    retries,
    poll: (adapter, account) => adapter.poll(account, ctx()),
    pollError: async (adapter, account) => {
      const outcome = await adapter.poll(account, ctx()).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(outcome instanceof Error)) throw new Error('expected the poll to fail, but it succeeded');
      return outcome;
    },
    stop: () => (stopped ??= sandbox.stop()),
  };
}
