/**
 * How a vendor joins the sandbox: its module, and optionally the data and accounts `renewal-guard demo`
 * shows for it. One registration per vendor, listed in `vendors/index.ts`.
 */
import type { SandboxVendorModule } from './sandbox-vendor';
import type { Vendor } from '../core/model';

export interface SandboxRegistration<Fixture> {
  readonly module: SandboxVendorModule<Fixture>;
  readonly demo?: SandboxDemo<Fixture>;
}

export interface SandboxDemo<Fixture> {
  /** Realistic data around `now` (usage of the last days, balances, expiries). */
  fixture(now: Date): Fixture;
  /** The demo config's accounts that read this fixture, with the secrets the fixture accepts. */
  accounts(now: Date): readonly DemoAccount[];
}

/** An account of the demo config; its endpoint is the sandbox's, set when the sandbox is up. */
export interface DemoAccount {
  readonly id: string;
  readonly vendor: Vendor;
  /** The secret's name in the demo's local secrets. */
  readonly credentials: string;
  /** The secret's fields: sandbox-only values that the fixture accepts. */
  readonly secret: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
}
