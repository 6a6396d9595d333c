/**
 * The vendor port: what the cycle needs from a vendor's billing API. One adapter per vendor in
 * lambda/vendors/ turns that vendor's documented API into an AccountSnapshot.
 */
import type { AccountConfig, IsoDate, Vendor } from './model';
import type { VendorHttp } from './vendor-http-port';

export interface Money {
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** The exact decimal as the vendor reported it (`"812.50"`; fen converted), free of float rounding. */
  readonly exact?: string;
  /** True when derived (e.g. Agora: declared top-up minus priced usage), not read from the vendor. */
  readonly estimated?: boolean;
}

/** A subscription, package or plan the vendor reports, with its expiry. */
export interface Entitlement {
  readonly id: string;
  readonly name: string;
  readonly expiresOn?: IsoDate;
  readonly autoRenew?: boolean;
  readonly remaining?: number;
  readonly unit?: string;
}

export interface AccountSnapshot {
  readonly accountId: string;
  readonly vendor: Vendor;
  /** ISO-8601 instant the vendor was read at. */
  readonly takenAt: string;
  readonly balance?: Money;
  /** Daily spend, oldest first: money where the vendor prices usage, minutes otherwise. */
  readonly dailySpend?: readonly DailyUsage[];
  /**
   * The same usage per app, project or instance, where the vendor's API reports it so (every entry has
   * its `scope`). Kept apart from `dailySpend`, which stays the whole account's figure: the account's
   * spend, runway and metrics read only that, so nothing is counted twice.
   */
  readonly scopedUsage?: readonly DailyUsage[];
  readonly entitlements: readonly Entitlement[];
  /** The vendor's answers, for diagnosis (never credentials: request signatures are not kept). */
  readonly raw?: Readonly<Record<string, unknown>>;
}

export interface DailyUsage {
  readonly date: IsoDate;
  readonly amount: number;
  /** An ISO 4217 currency code, or `minutes`. */
  readonly unit: string;
  /**
   * The app, project or instance the vendor reports this figure for (an Agora App ID, a TRTC SdkAppId);
   * absent for a figure of the whole account. A service that names it (`entitlement`, `project` or `id`)
   * owns the usage, so `expired-in-use` can tell its traffic from its neighbours'.
   */
  readonly scope?: string;
}

/** Resolves a secret name to the credential fields it holds (Secrets Manager, or a local file/env in the CLI). */
export interface SecretResolver {
  resolve(name: string): Promise<Readonly<Record<string, string>>>;
}

export interface PollContext {
  readonly now: Date;
  readonly secrets: SecretResolver;
  readonly http: VendorHttp;
}

export interface VendorAdapter {
  readonly vendor: Vendor;
  poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot>;
}
