import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  AgoraBusiness,
  AgoraPlan,
  AgoraPrices,
  AgoraTopUp,
  TencentPrices,
  VonageAuthStyle,
} from './vendor-option-values';
import { VendorSite } from './vendor-site';

export * from './vendor-option-values';

/**
 * When a prepaid balance counts as low. Any threshold that holds raises an alert; with none set, the
 * balance is recorded but never alerted on.
 */
export interface BalancePolicy {
  /**
   * Alert below this amount, in the account's currency.
   *
   * @default - no fixed floor
   */
  readonly minAmount?: number;

  /**
   * Alert when the balance lasts fewer days than this at the average daily spend.
   *
   * @default - no runway check
   */
  readonly minRunwayDays?: number;

  /**
   * Alert below this fraction of the average monthly spend (0.5 = half a month's spend).
   *
   * @default - no check against the monthly spend
   */
  readonly minFractionOfMonthlySpend?: number;
}

/** When an account's daily spend counts as unusual. Any threshold that holds raises an alert. */
export interface SpendPolicy {
  /**
   * A day whose spend is this many times the trailing 14-day average is a spike (above 1, at most 100).
   *
   * @default - no spike check
   */
  readonly spikeFactor?: number;

  /**
   * A spike must also be above this amount, in the account's currency, so that small accounts stay quiet.
   * Only used with `spikeFactor`.
   *
   * @default - any spike counts
   */
  readonly spikeMinAmount?: number;

  /**
   * Alert when daily spend grows month over month by more than this fraction (0.3 = 30%; above 0, at most 10).
   *
   * @default - no growth check
   */
  readonly monthlyGrowth?: number;
}

/** An account that is only declared: nothing is polled, its services are watched by their dates. */
export interface ManualAccountProps {
  /** Unique id of the account (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly accountId: string;
}

/** A vendor account whose billing API the poller reads. */
export interface PolledAccountProps {
  /** Unique id of the account (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly accountId: string;

  /**
   * The Secrets Manager secret holding the vendor's credential fields as a JSON object. Only its NAME
   * reaches the config, and only the poller function is granted read access to it.
   *
   * The name must be known at synth time: import the secret with `Secret.fromSecretNameV2()` or
   * `Secret.fromSecretCompleteArn()`, or create it with an explicit `secretName`. A secret whose name
   * CloudFormation generates at deploy time is rejected with a config error.
   */
  readonly credentials: secretsmanager.ISecret;

  /**
   * Base URL of the vendor API, to reach a sandbox, a proxy or another regional host.
   *
   * @default - the vendor's public endpoint (for the account's site, where the vendor has several)
   */
  readonly endpoint?: string;

  /**
   * When the account's balance counts as low.
   *
   * @default - the balance is recorded but never alerted on
   */
  readonly balance?: BalancePolicy;

  /**
   * When the account's daily spend counts as unusual (spikes, month-over-month growth).
   *
   * @default - spend is recorded but never alerted on
   */
  readonly spend?: SpendPolicy;
}

/** An Agora account (usage only: Agora has no balance API). */
export interface AgoraAccountProps extends PolledAccountProps {
  /**
   * The App IDs whose usage is read.
   *
   * @default - every enabled project of the account
   */
  readonly appIds?: string[];

  /**
   * The usage kinds read, each with its own request per project.
   *
   * @default [AgoraBusiness.DEFAULT] (audio and video, excluding Miniapp)
   */
  readonly business?: AgoraBusiness[];

  /**
   * Completed UTC days of usage read per cycle, 1 to 365 (Agora answers usage within one year). A
   * declared `topUp` older than this is read from its date anyway.
   *
   * @default 30
   */
  readonly usageDays?: number;

  /**
   * Prices per 1,000 minutes of each usage field: daily spend in money, and with `topUp` an estimated
   * balance (and so a runway and low-balance alerts).
   *
   * @default - daily usage in minutes, and no balance
   */
  readonly prices?: AgoraPrices;

  /**
   * The last top-up: the estimated balance is its amount minus the usage since its date, priced with
   * `prices` (which it requires, in the same currency). The estimate ignores free minutes and today's usage.
   *
   * @default - no estimated balance
   */
  readonly topUp?: AgoraTopUp;

  /**
   * The account's prepaid plan, watched as an entitlement that ends with the month and auto-renews on
   * the 25th.
   *
   * @default - no plan is watched
   */
  readonly plan?: AgoraPlan;
}

/** A Tencent Cloud account (balance and TRTC usage). */
export interface TencentAccountProps extends PolledAccountProps {
  /**
   * The site the account is on; it picks the API host and whether balances are fen or US cents.
   *
   * @default VendorSite.CN
   */
  readonly site?: VendorSite;

  /**
   * The TRTC SdkAppIds whose usage is read (digits only).
   *
   * @default - every application of the account, in one query
   */
  readonly sdkAppIds?: string[];

  /**
   * Completed days of TRTC usage read per cycle, 0 to 31 (DescribeTrtcUsage answers at most 31 days);
   * 0 reads none, and then `prices` is refused.
   *
   * @default 30
   */
  readonly usageDays?: number;

  /**
   * Prices per 1,000 minutes of each TRTC usage category, in the site's balance currency: daily spend
   * in money instead of minutes, and so a runway. Free minutes and packages, which Tencent deducts first,
   * are not visible to the API, so priced spend errs high and the runway short.
   *
   * @default - daily usage in minutes
   */
  readonly prices?: TencentPrices;
}

/** An Alibaba Cloud account (balance, subscription instances, resource packages and daily spend). */
export interface AlibabaAccountProps extends PolledAccountProps {
  /**
   * The site the account is on; it picks the API host.
   *
   * @default VendorSite.CN
   */
  readonly site?: VendorSite;

  /**
   * The product codes (`rtc`, `rds` ...) whose subscriptions and resource packages are listed.
   *
   * @default - every product
   */
  readonly productCodes?: string[];

  /**
   * Completed Beijing days of the account's daily bill read per cycle (one `QueryAccountBill` call each),
   * 0 to 31; 0 reads none. The spend is the whole account's, since the balance pays for every product.
   *
   * @default 15 (the trailing 14-day average and the latest day)
   */
  readonly usageDays?: number;
}

/** A Huawei Cloud account (balance, resource packages and RTC usage). */
export interface HuaweiAccountProps extends PolledAccountProps {
  /**
   * The site the account is on; it picks the API host. For the EU host, set `endpoint`.
   *
   * @default VendorSite.CN
   */
  readonly site?: VendorSite;

  /**
   * The project whose SparkRTC usage is read; required with `rtcAppIds`.
   *
   * @default - no RTC usage is read
   */
  readonly projectId?: string;

  /**
   * The SparkRTC application ids whose usage is read; needs `projectId`.
   *
   * @default - no RTC usage is read
   */
  readonly rtcAppIds?: string[];

  /**
   * Completed UTC days of RTC usage read per cycle, 1 to 31 (the RTC console's longest span). Only used
   * with `rtcAppIds`.
   *
   * @default 30
   */
  readonly usageDays?: number;
}

/** A Twilio account (balance and daily usage with prices). */
export interface TwilioAccountProps extends PolledAccountProps {
  /**
   * The usage category whose daily price is the spend (`totalprice`, or e.g. `group-rooms-participant-minutes`).
   *
   * @default 'totalprice' (every category)
   */
  readonly usageCategory?: string;

  /**
   * Days of daily usage records read per cycle, 1 to 400.
   *
   * @default 30
   */
  readonly usageDays?: number;
}

/** A Vonage account (the prepaid balance, in EUR). */
export interface VonageAccountProps extends PolledAccountProps {
  /**
   * How the API key and secret are sent.
   *
   * @default VonageAuthStyle.HEADER
   */
  readonly authStyle?: VonageAuthStyle;
}

/** Any HTTPS endpoint that answers with a JSON balance (an in-house billing system, a reseller). */
export interface HttpJsonAccountProps {
  /** Unique id of the account (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly accountId: string;

  /**
   * The secret holding the request's `token` field. The same naming rule as for
   * `PolledAccountProps.credentials` applies.
   */
  readonly credentials: secretsmanager.ISecret;

  /** The HTTPS base URL that is polled; `path` is appended to it. */
  readonly endpoint: string;

  /** Where the answer holds the balance, as a JSON path (`data.balance`, `items[0].amount`). */
  readonly balancePath: string;

  /**
   * The balance's ISO 4217 currency code, when the answer does not carry it. Give this or
   * `currencyPath`, not both.
   *
   * @default - read from `currencyPath`
   */
  readonly currency?: string;

  /**
   * Where the answer holds the currency code, as a JSON path. Give this or `currency`, not both.
   *
   * @default - the fixed `currency`
   */
  readonly currencyPath?: string;

  /**
   * Where the answer holds an expiry (an ISO date or date-time, or Unix seconds or milliseconds), as a
   * JSON path; it becomes an entitlement a service can follow.
   *
   * @default - no expiry is read
   */
  readonly expiryPath?: string;

  /**
   * The request path, starting with `/`, appended to `endpoint`.
   *
   * @default '/balance'
   */
  readonly path?: string;

  /**
   * The header that carries the token: one of `Authorization`, `X-Api-Key`, `Api-Key`, `X-Auth-Token`,
   * `X-Access-Token`, `X-Api-Token` or `Private-Token` (any letter case). Other headers are refused at
   * synth: `Host` or `Cookie` would drop or misroute the token.
   *
   * @default 'Authorization'
   */
  readonly authHeader?: string;

  /**
   * The word before the token in the auth header; an empty string sends the bare token.
   *
   * @default - 'Bearer' with the Authorization header, none with any other header
   */
  readonly authScheme?: string;

  /**
   * When the account's balance counts as low.
   *
   * @default - the balance is recorded but never alerted on
   */
  readonly balance?: BalancePolicy;
}
