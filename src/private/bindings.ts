import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/** What a `VendorAccount` contributes: its document entry (without credentials) and the secret behind them. */
export interface AccountBinding {
  readonly accountId: string;
  /** The `accounts[]` entry in the contract's shape, minus `credentials`, which need the secret's name. */
  readonly entry: Record<string, unknown>;
  readonly credentials?: secretsmanager.ISecret;
}

/**
 * What an `AlertChannel` contributes: its document entry, the recipients its SNS subscriptions use (email
 * and SMS), or the secret the notifier reads its endpoint from (every other type).
 */
export interface ChannelBinding {
  readonly channelId: string;
  /** The `channels[]` entry in the contract's shape, minus `to` and `secret`, which need the props below. */
  readonly entry: Record<string, unknown>;
  /** May hold tokens (a `CfnParameter`), which only the SNS subscriptions can carry. */
  readonly recipients?: readonly string[];
  readonly secret?: secretsmanager.ISecret;
}
