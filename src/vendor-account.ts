import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AccountBinding } from './private/bindings';
import { withoutUndefined } from './private/without-undefined';
import {
  AgoraAccountProps,
  AlibabaAccountProps,
  BalancePolicy,
  HttpJsonAccountProps,
  HuaweiAccountProps,
  ManualAccountProps,
  SpendPolicy,
  TencentAccountProps,
  TwilioAccountProps,
  VonageAccountProps,
} from './vendor-account-props';

/**
 * A vendor account the guard polls (or, for `manual`, only knows about): one `accounts[]` entry of the
 * config document.
 *
 * Credentials stay in Secrets Manager: the config carries the secret's name and the poller function is
 * the only one granted read access to it.
 *
 * @example
 * declare const agoraSecret: secretsmanager.ISecret;
 * const main = VendorAccount.agora({
 *   accountId: 'agora-main',
 *   credentials: agoraSecret,
 *   prices: { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99, durationVideoHd: 3.99 } },
 *   topUp: { amount: 500, currency: 'USD', date: '2026-05-01' },
 *   plan: AgoraPlan.PRO,
 *   balance: { minRunwayDays: 14 },
 * });
 */
export abstract class VendorAccount {
  /** An account that is not polled: its services are watched by their declared dates only. */
  public static manual(props: ManualAccountProps): VendorAccount {
    return new DeclaredAccount(props.accountId, 'manual', {});
  }

  /** An Agora account: daily usage per project (Agora has no public balance API). */
  public static agora(props: AgoraAccountProps): VendorAccount {
    return polled('agora', props, {
      appIds: props.appIds,
      business: props.business,
      usageDays: props.usageDays,
      prices: props.prices && { ...props.prices, perThousandMinutes: { ...props.prices.perThousandMinutes } },
      topUp: props.topUp && { ...props.topUp },
      plan: props.plan,
    });
  }

  /** A Tencent Cloud account: balance and TRTC usage. */
  public static tencent(props: TencentAccountProps): VendorAccount {
    return polled('tencent', props, {
      site: props.site,
      sdkAppIds: props.sdkAppIds,
      usageDays: props.usageDays,
      prices: props.prices && { ...props.prices, perThousandMinutes: { ...props.prices.perThousandMinutes } },
    });
  }

  /** An Alibaba Cloud account: balance, subscription instances and resource packages. */
  public static alibaba(props: AlibabaAccountProps): VendorAccount {
    return polled('alibaba', props, { site: props.site, productCodes: props.productCodes, usageDays: props.usageDays });
  }

  /** A Twilio account: balance and daily usage with prices. */
  public static twilio(props: TwilioAccountProps): VendorAccount {
    return polled('twilio', props, { usageCategory: props.usageCategory, usageDays: props.usageDays });
  }

  /** A Huawei Cloud account: balance, resource packages and RTC usage. */
  public static huawei(props: HuaweiAccountProps): VendorAccount {
    return polled('huawei', props, {
      site: props.site,
      projectId: props.projectId,
      rtcAppIds: props.rtcAppIds,
      usageDays: props.usageDays,
    });
  }

  /** A Vonage account: the prepaid balance (in EUR). */
  public static vonage(props: VonageAccountProps): VendorAccount {
    return polled('vonage', props, { authStyle: props.authStyle });
  }

  /** Any HTTPS endpoint that answers with a JSON balance, read through JSON paths. */
  public static httpJson(props: HttpJsonAccountProps): VendorAccount {
    return polled('http-json', props, {
      balancePath: props.balancePath,
      currency: props.currency,
      currencyPath: props.currencyPath,
      expiryPath: props.expiryPath,
      path: props.path,
      authHeader: props.authHeader,
      authScheme: props.authScheme,
    });
  }

  /** The account's id in the config document. */
  public readonly accountId: string;

  /** The vendor, as the config document names it (`agora`, `http-json`, `manual` ...). */
  public readonly vendor: string;

  protected constructor(accountId: string, vendor: string) {
    this.accountId = accountId;
    this.vendor = vendor;
  }

  /** @internal */
  public abstract _bind(): AccountBinding;
}

class DeclaredAccount extends VendorAccount {
  constructor(
    accountId: string,
    vendor: string,
    private readonly fields: Record<string, unknown>,
    private readonly credentials?: secretsmanager.ISecret,
  ) {
    super(accountId, vendor);
  }

  /** @internal */
  public _bind(): AccountBinding {
    return {
      accountId: this.accountId,
      entry: withoutUndefined({ id: this.accountId, vendor: this.vendor, ...this.fields }),
      credentials: this.credentials,
    };
  }
}

interface CommonPolledProps {
  readonly accountId: string;
  readonly credentials: secretsmanager.ISecret;
  readonly endpoint?: string;
  readonly balance?: BalancePolicy;
  readonly spend?: SpendPolicy;
}

/**
 * Vendor extras sit next to the common fields under the option's own name, as in a config file; the
 * loader passes them to the adapter, whose option reader validates them. Structs are copied so that a
 * caller's object never ends up shared with the document.
 */
function polled(vendor: string, props: CommonPolledProps, extras: Record<string, unknown>): VendorAccount {
  const balance = props.balance && withoutUndefined({ ...props.balance });
  const spend = props.spend && withoutUndefined({ ...props.spend });
  return new DeclaredAccount(
    props.accountId,
    vendor,
    { endpoint: props.endpoint, balance, spend, ...extras },
    props.credentials,
  );
}
