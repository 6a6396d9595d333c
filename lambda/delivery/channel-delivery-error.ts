import { DeliveryError } from '../core/errors';
import type { ChannelType } from '../core/model';

export interface ChannelFailure {
  readonly channelId: string;
  readonly channelType: ChannelType;
  /** The last HTTP status, when the platform answered at all. */
  readonly status?: number;
  /** The platform's own error code (`310000`, `invalid_blocks`), when it gave one. */
  readonly code?: string;
  readonly attempts: number;
}

/**
 * A channel did not take an alert. The message names the channel, its type, the HTTP status and the
 * platform's code and message — never the webhook URL (it embeds the robot's token) nor a signing key.
 */
export class ChannelDeliveryError extends DeliveryError {
  readonly channelId: string;
  readonly channelType: ChannelType;
  readonly status?: number;
  readonly code?: string;
  readonly attempts: number;

  constructor(message: string, failure: ChannelFailure, options: { retryable: boolean }) {
    super(message, options);
    this.name = 'ChannelDeliveryError';
    this.channelId = failure.channelId;
    this.channelType = failure.channelType;
    this.status = failure.status;
    this.code = failure.code;
    this.attempts = failure.attempts;
  }
}
