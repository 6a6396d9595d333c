import { EmailChannelProps, SmsChannelProps } from './alert-channel-props';
import { ChannelBinding } from './private/bindings';
import { withoutUndefined } from './private/without-undefined';
import { Severity } from './severity';

/**
 * Where alerts go: one `channels[]` entry of the config document. Email and SMS channels are SNS
 * subscriptions on the alert topic, each with a filter policy that lets through only the alerts routed
 * to the channel at or above its `minSeverity`.
 *
 * @example
 * const ops = AlertChannel.email({ channelId: 'ops', to: ['tech-lead@example.com'] });
 * const pager = AlertChannel.sms({ channelId: 'pager', to: ['+8613800000000'], minSeverity: Severity.CRITICAL });
 */
export abstract class AlertChannel {
  /** Email to one or more addresses. */
  public static email(props: EmailChannelProps): AlertChannel {
    return new RecipientChannel(props.channelId, 'email', props.to, props.minSeverity);
  }

  /** SMS to one or more E.164 phone numbers. */
  public static sms(props: SmsChannelProps): AlertChannel {
    return new RecipientChannel(props.channelId, 'sms', props.to, props.minSeverity);
  }

  /** The channel's id in the config document. */
  public readonly channelId: string;

  /** The channel type, as the config document names it (`email`, `sms`). */
  public readonly channelType: string;

  protected constructor(channelId: string, channelType: string) {
    this.channelId = channelId;
    this.channelType = channelType;
  }

  /** @internal */
  public abstract _bind(): ChannelBinding;
}

class RecipientChannel extends AlertChannel {
  constructor(
    channelId: string,
    channelType: string,
    private readonly to: readonly string[],
    private readonly minSeverity?: Severity,
  ) {
    super(channelId, channelType);
  }

  /** @internal */
  public _bind(): ChannelBinding {
    return {
      channelId: this.channelId,
      entry: withoutUndefined({
        id: this.channelId,
        type: this.channelType,
        to: [...this.to],
        minSeverity: this.minSeverity,
      }),
      recipients: [...this.to],
    };
  }
}
