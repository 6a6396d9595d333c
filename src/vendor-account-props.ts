import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { VendorSite } from './vendor-site';

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
}

/** An Agora account (usage only: Agora has no balance API). */
export interface AgoraAccountProps extends PolledAccountProps {
  /**
   * The App IDs whose usage is read.
   *
   * @default - every project of the account
   */
  readonly appIds?: string[];
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
   * The TRTC SdkAppIds whose usage is read.
   *
   * @default - every application of the account
   */
  readonly sdkAppIds?: string[];
}

/** An Alibaba Cloud account (balance, subscription instances and resource packages). */
export interface AlibabaAccountProps extends PolledAccountProps {
  /**
   * The site the account is on; it picks the API host.
   *
   * @default VendorSite.CN
   */
  readonly site?: VendorSite;
}

/** A Huawei Cloud account (balance, resource packages and RTC usage). */
export interface HuaweiAccountProps extends PolledAccountProps {
  /**
   * The site the account is on; it picks the API host. For the EU host, set `endpoint`.
   *
   * @default VendorSite.CN
   */
  readonly site?: VendorSite;
}

/** Any HTTPS endpoint that answers with RenewalGuard's balance document (an in-house billing system, a reseller). */
export interface HttpJsonAccountProps {
  /** Unique id of the account (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly accountId: string;

  /**
   * The secret holding the request's credentials as a JSON object. The same naming rule as for
   * `PolledAccountProps.credentials` applies.
   */
  readonly credentials: secretsmanager.ISecret;

  /** The HTTPS URL that is polled. */
  readonly endpoint: string;

  /**
   * When the account's balance counts as low.
   *
   * @default - the balance is recorded but never alerted on
   */
  readonly balance?: BalancePolicy;
}
