import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Language } from './language';
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
  /**
   * The language of this channel's messages, when it differs from the guard's: a team abroad, an
   * operator group reading English while owners read Chinese. An email or SMS channel in another
   * language than the guard's gets its own SNS message in that language.
   *
   * @default - the guard's `language` (the config document's, else `Language.EN`)
   */
  readonly language?: Language;

  /**
   * Whether the guard's operators read this channel: it then also gets the guard's own CloudWatch alarms
   * (the dead-man's switch, function errors, dead letters), ALARM and OK alike, whatever its
   * `minSeverity`. Email and SMS get CloudWatch's notification; chat, webhook and PagerDuty channels get
   * it as an alert from the notifier. `operators` in the config document.
   *
   * @default - when no channel of the guard sets `operators: true`, every channel not set to false is an
   * operators channel, so the alarms always reach someone
   */
  readonly operators?: boolean;
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
  /**
   * The language of this channel's messages, when it differs from the guard's: a team abroad, an
   * operator group reading English while owners read Chinese. An email or SMS channel in another
   * language than the guard's gets its own SNS message in that language.
   *
   * @default - the guard's `language` (the config document's, else `Language.EN`)
   */
  readonly language?: Language;

  /**
   * Whether the guard's operators read this channel: it then also gets the guard's own CloudWatch alarms
   * (the dead-man's switch, function errors, dead letters), ALARM and OK alike, whatever its
   * `minSeverity`. Email and SMS get CloudWatch's notification; chat, webhook and PagerDuty channels get
   * it as an alert from the notifier. `operators` in the config document.
   *
   * @default - when no channel of the guard sets `operators: true`, every channel not set to false is an
   * operators channel, so the alarms always reach someone
   */
  readonly operators?: boolean;
}

/**
 * A channel the notifier function delivers to (chat, webhook, PagerDuty): its endpoint and keys live in a
 * Secrets Manager secret, a JSON object whose fields each factory names.
 */
export interface SecretChannelProps {
  /** Unique id of the channel (`[a-z0-9-]`, up to 64 characters); `id` in the config document. */
  readonly channelId: string;

  /**
   * The secret holding the channel's endpoint and keys as a JSON object (the fields depend on the type;
   * see the factory). Only its NAME reaches the config, and only the notifier function is granted read
   * access to it (with its KMS key, when it has one).
   *
   * The name must be known at synth time: import the secret with `Secret.fromSecretNameV2()` or
   * `Secret.fromSecretCompleteArn()`, or create it with an explicit `secretName`. A secret whose name
   * CloudFormation generates at deploy time is rejected with a config error.
   */
  readonly secret: secretsmanager.ISecret;

  /**
   * The least severe alert this channel receives.
   *
   * @default Severity.INFO
   */
  readonly minSeverity?: Severity;
  /**
   * The language of this channel's messages, when it differs from the guard's: a team abroad, an
   * operator group reading English while owners read Chinese. An email or SMS channel in another
   * language than the guard's gets its own SNS message in that language.
   *
   * @default - the guard's `language` (the config document's, else `Language.EN`)
   */
  readonly language?: Language;

  /**
   * Whether the guard's operators read this channel: it then also gets the guard's own CloudWatch alarms
   * (the dead-man's switch, function errors, dead letters), ALARM and OK alike, whatever its
   * `minSeverity`. Email and SMS get CloudWatch's notification; chat, webhook and PagerDuty channels get
   * it as an alert from the notifier. `operators` in the config document.
   *
   * @default - when no channel of the guard sets `operators: true`, every channel not set to false is an
   * operators channel, so the alarms always reach someone
   */
  readonly operators?: boolean;
}

/** A DingTalk group robot: a `SecretChannelProps` plus whom its messages mention. */
export interface DingTalkChannelProps extends SecretChannelProps {
  /**
   * Mobile numbers of group members to mention (@) in every message, e.g. the on-call's. Digits,
   * optionally with `+` and a country code.
   *
   * @default - nobody is mentioned by number
   */
  readonly atMobiles?: string[];

  /**
   * Whether every message mentions the whole group (@all).
   *
   * @default false
   */
  readonly atAll?: boolean;
}
