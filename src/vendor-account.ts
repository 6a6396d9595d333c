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
  PolledAccountProps,
  TencentAccountProps,
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
    return polled('agora', props, { appIds: props.appIds });
  }

  /** A Tencent Cloud account: balance and TRTC usage. */
  public static tencent(props: TencentAccountProps): VendorAccount {
    return polled('tencent', props, { site: props.site, sdkAppIds: props.sdkAppIds });
  }

  /** An Alibaba Cloud account: balance, subscription instances and resource packages. */
  public static alibaba(props: AlibabaAccountProps): VendorAccount {
    return polled('alibaba', props, { site: props.site });
  }

  /** A Twilio account: balance and daily usage with prices. */
  public static twilio(props: PolledAccountProps): VendorAccount {
    return polled('twilio', props, {});
  }

  /** A Huawei Cloud account: balance, resource packages and RTC usage. */
  public static huawei(props: HuaweiAccountProps): VendorAccount {
    return polled('huawei', props, { site: props.site });
  }

  /** A Vonage account: the prepaid balance (in EUR). */
  public static vonage(props: PolledAccountProps): VendorAccount {
    return polled('vonage', props, {});
  }

  /** Any HTTPS endpoint that answers with RenewalGuard's balance document. */
  public static httpJson(props: HttpJsonAccountProps): VendorAccount {
    return polled('http-json', props, {});
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
}

/** Vendor extras sit next to the common fields, as in a config file; the loader passes them to the adapter. */
function polled(vendor: string, props: CommonPolledProps, extras: Record<string, unknown>): VendorAccount {
  const balance = props.balance && withoutUndefined({ ...props.balance });
  return new DeclaredAccount(
    props.accountId,
    vendor,
    { endpoint: props.endpoint, balance, ...extras },
    props.credentials,
  );
}
