/** What the adapter tests share: a poll context on a fake clock, and a poll that must fail with a VendorError. */
import type { FakeTime } from './fake-time';
import type { AccountConfig } from '../../../lambda/core/model';
import type { PollContext, SecretResolver, VendorAdapter } from '../../../lambda/core/vendor-port';
import { ResilientHttp } from '../../../lambda/vendors/http/resilient-http';
import { VendorError } from '../../../lambda/vendors/http/vendor-error';

export interface HttpTestOptions {
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  readonly clock?: () => Date;
}

/** The resilient client on the fake clock (retries wait in fake time), with mid-range jitter. */
export function pollContext(time: FakeTime, secrets: SecretResolver, httpOptions: HttpTestOptions = {}): PollContext {
  const http = new ResilientHttp({ clock: time.clock, sleep: time.sleep, random: () => 0.5, ...httpOptions });
  return { now: time.clock(), secrets, http };
}

/** Polls and returns the VendorError it must end in; anything else (a snapshot, another error) fails. */
export async function expectVendorError(
  vendor: VendorAdapter,
  account: AccountConfig,
  ctx: PollContext,
): Promise<VendorError> {
  const error = await vendor.poll(account, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof VendorError)) throw new Error(`expected a VendorError, got ${String(error)}`);
  return error;
}
