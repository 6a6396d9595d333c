/**
 * dynalite behind the fault proxy, and a DynamoDB client with the SDK's defaults (standard retry mode,
 * DynamoDB's default attempts) aimed at the proxy, for one test file: the hooks are registered by the
 * call. Before each test the proxy lets everything through again with an empty log, and `Math.random`
 * is pinned low: the jitter of the SDK's full-jitter backoff and of the cycle's record backoff (and
 * markDelivered's re-read pause), so backoffs take milliseconds, not seconds.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

export interface ProxiedDynamo {
  /** dynalite itself (its own client bypasses the proxy). */
  readonly dynamo: LocalDynamo;
  readonly proxy: FaultProxy;
  /** Talks to dynalite through the proxy. */
  readonly client: DynamoDBDocumentClient;
}

/** Starts them before the file's tests and stops them after; read the fields inside tests and hooks. */
export function useProxiedDynamo(): ProxiedDynamo {
  const env = {} as { dynamo: LocalDynamo; proxy: FaultProxy; client: DynamoDBDocumentClient };
  beforeAll(async () => {
    env.dynamo = await startDynalite();
    env.proxy = await startFaultProxy(env.dynamo.endpoint);
    env.client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: env.proxy.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
  });
  afterAll(async () => {
    env.client.destroy();
    await env.proxy.stop();
    await env.dynamo.stop();
  });
  beforeEach(() => {
    env.proxy.setRule(() => undefined);
    env.proxy.log.length = 0;
    jest.spyOn(Math, 'random').mockReturnValue(0.001);
  });
  afterEach(() => jest.restoreAllMocks());
  return env;
}
