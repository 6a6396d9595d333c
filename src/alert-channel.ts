import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DingTalkChannelProps, EmailChannelProps, SecretChannelProps, SmsChannelProps } from './alert-channel-props';
import { Language } from './language';
import { ChannelBinding } from './private/bindings';
import { withoutUndefined } from './private/without-undefined';
import { Severity } from './severity';

/**
 * Where alerts go: one `channels[]` entry of the config document.
 *
 * Email and SMS channels are SNS subscriptions on the alert topic, each with a filter policy that lets
 * through only the alerts the poller routed to the channel (it applies `minSeverity` when it routes; a
 * resolving notice follows what it resolves). An operators channel (`operators`) also gets the guard's
 * alarms. Every other channel is
 * delivered by the notifier function, which reads the channel's endpoint and keys from a Secrets Manager
 * secret: chat robots (DingTalk, Feishu/Lark, WeCom, Slack, Teams), a signed JSON webhook, PagerDuty.
 *
 * @example
 * declare const dingTalkSecret: secretsmanager.ISecret;
 * const ops = AlertChannel.email({ channelId: 'ops', to: ['tech-lead@example.com'] });
 * const pager = AlertChannel.sms({ channelId: 'pager', to: ['+8613800000000'], minSeverity: Severity.CRITICAL });
 * const team = AlertChannel.dingTalk({ channelId: 'team-chat', secret: dingTalkSecret, atMobiles: ['13800000000'] });
 */
export abstract class AlertChannel {
  /** Email to one or more addresses. */
  public static email(props: EmailChannelProps): AlertChannel {
    return new RecipientChannel(props.channelId, 'email', props.to, props.minSeverity, props.language, props.operators);
  }

  /** SMS to one or more E.164 phone numbers. */
  public static sms(props: SmsChannelProps): AlertChannel {
    return new RecipientChannel(props.channelId, 'sms', props.to, props.minSeverity, props.language, props.operators);
  }

  /**
   * A DingTalk group robot (custom robot, markdown message). Its secret holds
   * `{ "webhookUrl": "https://oapi.dingtalk.com/robot/send?access_token=…", "signingSecret": "SEC…" }`;
   * `signingSecret` is the robot's "加签" key and may be left out if the robot does not use signing. A
   * robot takes 20 messages a minute; the notifier waits rather than exceed it.
   */
  public static dingTalk(props: DingTalkChannelProps): AlertChannel {
    return new SecretChannel(props, 'dingtalk', { atMobiles: props.atMobiles, atAll: props.atAll });
  }

  /**
   * A Feishu / Lark custom bot (interactive card). Its secret holds
   * `{ "webhookUrl": "https://open.feishu.cn/open-apis/bot/v2/hook/…", "signingSecret": "…" }`;
   * `signingSecret` may be left out if the bot does not verify signatures.
   */
  public static feishu(props: SecretChannelProps): AlertChannel {
    return new SecretChannel(props, 'feishu', {});
  }

  /**
   * A WeCom (企业微信) group robot (markdown message). Its secret holds
   * `{ "webhookUrl": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" }`.
   */
  public static weCom(props: SecretChannelProps): AlertChannel {
    return new SecretChannel(props, 'wecom', {});
  }

  /**
   * A Slack incoming webhook (Block Kit message). Its secret holds
   * `{ "webhookUrl": "https://hooks.slack.com/services/…" }`.
   */
  public static slack(props: SecretChannelProps): AlertChannel {
    return new SecretChannel(props, 'slack', {});
  }

  /**
   * A Microsoft Teams Workflows webhook ("post to a channel when a webhook request is received", Adaptive
   * Card). Its secret holds `{ "webhookUrl": "https://…" }`.
   */
  public static teams(props: SecretChannelProps): AlertChannel {
    return new SecretChannel(props, 'teams', {});
  }

  /**
   * Any HTTPS endpoint: the alert as a JSON body, signed in the `X-RenewalGuard-Signature` header
   * (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`). Its secret holds
   * `{ "url": "https://…", "signingSecret": "…" }`.
   */
  public static webhook(props: SecretChannelProps): AlertChannel {
    return new SecretChannel(props, 'webhook', {});
  }

  /**
   * A PagerDuty service, through Events API v2: each alert triggers with its alert key as `dedup_key`,
   * and a recovery or a confirmed renewal resolves it. Its secret holds `{ "routingKey": "…" }`, plus
   * `"url"` for the EU service region (`https://events.eu.pagerduty.com/v2/enqueue`).
   */
  public static pagerDuty(props: SecretChannelProps): AlertChannel {
    return new SecretChannel(props, 'pagerduty', {});
  }

  /** The channel's id in the config document. */
  public readonly channelId: string;

  /** The channel type, as the config document names it (`email`, `sms`, `dingtalk`, `pagerduty` ...). */
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
    private readonly language?: Language,
    private readonly operators?: boolean,
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
        minSeverity: this.minSeverity,
        language: this.language,
        operators: this.operators,
      }),
      recipients: [...this.to],
    };
  }
}

class SecretChannel extends AlertChannel {
  private readonly secret: secretsmanager.ISecret;
  private readonly minSeverity?: Severity;
  private readonly language?: Language;
  private readonly operators?: boolean;
  private readonly options: Record<string, unknown>;

  constructor(props: SecretChannelProps, channelType: string, options: Record<string, unknown>) {
    super(props.channelId, channelType);
    this.secret = props.secret;
    this.minSeverity = props.minSeverity;
    this.language = props.language;
    this.operators = props.operators;
    this.options = withoutUndefined(options);
  }

  /** @internal */
  public _bind(): ChannelBinding {
    const hasOptions = Object.keys(this.options).length > 0;
    return {
      channelId: this.channelId,
      entry: withoutUndefined({
        id: this.channelId,
        type: this.channelType,
        minSeverity: this.minSeverity,
        language: this.language,
        operators: this.operators,
        // copied: the binding must not share arrays the caller may still change
        options: hasOptions ? JSON.parse(JSON.stringify(this.options)) : undefined,
      }),
      secret: this.secret,
    };
  }
}
