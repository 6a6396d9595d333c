/**
 * SNS subscriptions whose endpoint cannot exist here (email, SMS, a Lambda function) become a stand-in:
 * an SQS queue on moto subscribed to the same topic with protocol `sqs` and the subscription's own
 * attributes — FilterPolicy and FilterPolicyScope exactly as synthesized, RawMessageDelivery and
 * RedrivePolicy when set. moto evaluates the filter policy and delivers into the queue; draining the
 * queue yields what the real endpoint would have received.
 */
import { SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { LocalAwsClients } from './local-aws';
import type { SnsPublishRecorder } from './sns-publish-recorder';

export interface StandInSubscription {
  readonly logicalId: string;
  /** The synthesized protocol: `email`, `sms` or `lambda`. */
  readonly protocol: string;
  /** The synthesized endpoint, resolved: an address, a phone number, a function ARN. */
  readonly endpoint: string;
  readonly topicArn: string;
  /** The FilterPolicy attribute as given to moto: the synthesized JSON, unchanged. */
  readonly filterPolicy?: string;
  readonly filterPolicyScope?: string;
  readonly queueUrl: string;
  readonly subscriptionArn: string;
  /** RawMessageDelivery: the queue gets the bare message, not the SNS envelope. */
  readonly raw: boolean;
}

/** One message as the real endpoint would have received it. */
export interface SnsDelivery {
  readonly messageId: string;
  readonly topicArn: string;
  readonly subject?: string;
  /** The variant of the published message for the subscription's real protocol. */
  readonly message: string;
  /** `{ Type, Value }` per attribute, as in the SNS envelope and the Lambda event. */
  readonly messageAttributes: Readonly<Record<string, { Type: string; Value: string }>>;
  readonly timestamp: string;
}

const SUBSCRIPTION_ATTRIBUTES = ['FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy'] as const;

export async function createStandIn(
  clients: LocalAwsClients,
  logicalId: string,
  queueName: string,
  props: { Protocol: string; Endpoint: string; TopicArn: string } & Record<string, unknown>,
): Promise<StandInSubscription> {
  const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: queueName }));
  const { Attributes } = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const attributes: Record<string, string> = {};
  for (const name of SUBSCRIPTION_ATTRIBUTES) {
    const value = props[name];
    if (value === undefined) continue;
    attributes[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const { SubscriptionArn } = await clients.sns.send(
    new SubscribeCommand({
      TopicArn: props.TopicArn,
      Protocol: 'sqs',
      Endpoint: Attributes!.QueueArn!,
      Attributes: attributes,
      ReturnSubscriptionArn: true,
    }),
  );
  return {
    logicalId,
    protocol: props.Protocol,
    endpoint: props.Endpoint,
    topicArn: props.TopicArn,
    ...(attributes.FilterPolicy !== undefined && { filterPolicy: attributes.FilterPolicy }),
    ...(attributes.FilterPolicyScope !== undefined && { filterPolicyScope: attributes.FilterPolicyScope }),
    queueUrl: QueueUrl!,
    subscriptionArn: SubscriptionArn!,
    raw: attributes.RawMessageDelivery === 'true',
  };
}

/** Receives and deletes everything in the stand-in queue, oldest first. */
export async function drainStandIn(
  clients: LocalAwsClients,
  standIn: StandInSubscription,
  recorder: SnsPublishRecorder,
): Promise<SnsDelivery[]> {
  const deliveries: SnsDelivery[] = [];
  for (;;) {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: standIn.queueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) return deliveries;
    for (const m of Messages) {
      deliveries.push(toDelivery(standIn, m.Body ?? '', recorder));
      await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: standIn.queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
}

function toDelivery(standIn: StandInSubscription, body: string, recorder: SnsPublishRecorder): SnsDelivery {
  if (standIn.raw) {
    throw new Error(
      `stand-in ${standIn.logicalId} uses RawMessageDelivery: its bare messages carry no MessageId to read`,
    );
  }
  const envelope = JSON.parse(body) as {
    Type: string;
    MessageId: string;
    TopicArn: string;
    Subject?: string;
    Message: string;
    Timestamp: string;
    MessageAttributes?: Record<string, { Type: string; Value: string }>;
  };
  if (envelope.Type !== 'Notification') {
    throw new Error(`stand-in ${standIn.logicalId} received a ${envelope.Type}, not a notification: ${body}`);
  }
  const message = recorder.variantFor(envelope.MessageId, standIn.protocol);
  if (message === undefined) {
    throw new Error(
      `stand-in ${standIn.logicalId}: message ${envelope.MessageId} was not published through the recorder, ` +
        `so its ${standIn.protocol} variant is unknown`,
    );
  }
  return {
    messageId: envelope.MessageId,
    topicArn: envelope.TopicArn,
    ...(envelope.Subject !== undefined && { subject: envelope.Subject }),
    message,
    messageAttributes: envelope.MessageAttributes ?? {},
    timestamp: envelope.Timestamp,
  };
}
