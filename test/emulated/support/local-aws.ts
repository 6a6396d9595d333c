/**
 * Where each AWS service of the emulated deployment answers, as SDK clients for the harness and as the
 * environment a function's SDK reads (`AWS_ENDPOINT_URL_<SERVICE>`, the SDK's service-specific endpoint
 * variables; that the bundled SDK honours them is checked by the walk: the poller's publishes reach the
 * recorder, the notifier reads its secret from moto, both write to dynalite).
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

export interface LocalEndpoints {
  /** moto: SQS, Secrets Manager, EventBridge, Scheduler, CloudWatch, KMS, SES v2, CloudFormation. */
  readonly moto: string;
  /** The publish recorder in front of moto's SNS. */
  readonly sns: string;
  /** dynalite. */
  readonly dynamodb: string;
}

/** Throwaway credentials: moto and dynalite check none, and nothing here may reach AWS. */
export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDEMULATED', secretAccessKey: 'emulated-deployment-only' };

export function localAwsEnvironment(endpoints: LocalEndpoints, region: string): Record<string, string> {
  return {
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'emulated-session',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SNS: endpoints.sns,
    AWS_ENDPOINT_URL_SQS: endpoints.moto,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.moto,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.moto,
    AWS_ENDPOINT_URL_SCHEDULER: endpoints.moto,
    AWS_ENDPOINT_URL_CLOUDWATCH: endpoints.moto,
    AWS_ENDPOINT_URL_KMS: endpoints.moto,
    AWS_ENDPOINT_URL_SESV2: endpoints.moto,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export class LocalAwsClients {
  readonly sns: SNSClient;
  readonly sqs: SQSClient;
  readonly secrets: SecretsManagerClient;
  readonly events: EventBridgeClient;
  readonly scheduler: SchedulerClient;
  readonly cloudwatch: CloudWatchClient;
  readonly dynamodb: DynamoDBClient;

  constructor(endpoints: LocalEndpoints, region: string) {
    const base = { region, credentials: FAKE_CREDENTIALS };
    this.sns = new SNSClient({ ...base, endpoint: endpoints.sns });
    this.sqs = new SQSClient({ ...base, endpoint: endpoints.moto });
    this.secrets = new SecretsManagerClient({ ...base, endpoint: endpoints.moto });
    this.events = new EventBridgeClient({ ...base, endpoint: endpoints.moto });
    this.scheduler = new SchedulerClient({ ...base, endpoint: endpoints.moto });
    this.cloudwatch = new CloudWatchClient({ ...base, endpoint: endpoints.moto });
    this.dynamodb = new DynamoDBClient({ ...base, endpoint: endpoints.dynamodb });
  }

  destroy(): void {
    for (const client of [
      this.sns,
      this.sqs,
      this.secrets,
      this.events,
      this.scheduler,
      this.cloudwatch,
      this.dynamodb,
    ]) {
      client.destroy();
    }
  }
}
