import { Severity } from './severity';

/** An email channel: an SNS email subscription per address. */
export interface EmailChannelProps {
  /** Unique id of the channel (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly channelId: string;

  /**
   * The addresses that receive the alerts. Each one gets an SNS subscription and must confirm it once
   * (SNS sends the confirmation email on deploy). A token (e.g. a `CfnParameter`) is accepted here.
   */
  readonly to: string[];

  /**
   * The least severe alert this channel receives.
   *
   * @default Severity.INFO
   */
  readonly minSeverity?: Severity;
}

/** An SMS channel: an SNS SMS subscription per phone number. */
export interface SmsChannelProps {
  /** Unique id of the channel (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly channelId: string;

  /**
   * The E.164 phone numbers (`+8613800000000`) that receive the alerts. A token (e.g. a
   * `CfnParameter`) is accepted here.
   */
  readonly to: string[];

  /**
   * The least severe alert this channel receives. SMS is the last line of defence; `CRITICAL` keeps it
   * for the alerts that need it.
   *
   * @default Severity.INFO
   */
  readonly minSeverity?: Severity;
}
