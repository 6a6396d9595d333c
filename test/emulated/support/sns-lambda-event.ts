/**
 * The event SNS sends a subscribed Lambda function, one record per invocation: `Records[].Sns` with the
 * message variant for protocol `lambda`, the subject (null when none) and the message attributes as
 * `{ Type, Value }`.
 */
import type { SNSEvent } from 'aws-lambda';
import type { SnsDelivery, StandInSubscription } from './stand-in-subscriptions';

export function snsLambdaEvent(delivery: SnsDelivery, subscription: StandInSubscription): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscription.subscriptionArn,
        Sns: {
          Type: 'Notification',
          MessageId: delivery.messageId,
          TopicArn: delivery.topicArn,
          Subject: (delivery.subject ?? null) as string,
          Message: delivery.message,
          Timestamp: delivery.timestamp,
          SignatureVersion: '1',
          Signature: 'EMULATED',
          SigningCertUrl: 'https://sns.emulated.invalid/SimpleNotificationService.pem',
          UnsubscribeUrl: `https://sns.emulated.invalid/?Action=Unsubscribe&SubscriptionArn=${subscription.subscriptionArn}`,
          MessageAttributes: { ...delivery.messageAttributes },
        },
      },
    ],
  };
}
