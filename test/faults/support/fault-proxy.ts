/**
 * A loopback HTTP proxy in front of a local AWS stand-in (dynalite, the fake SNS/EventBridge): every
 * request is forwarded unchanged unless the test's rule answers it instead, with the service's own error
 * on the wire. So the real SDK clients — their retry strategy, error parsing and the adapters' handling
 * — meet the fault exactly as they would in AWS.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface ProxiedRequest {
  /** `X-Amz-Target` (JSON protocols: `DynamoDB_20120810.PutItem`, `AWSEvents.PutEvents`) or the query `Action`. */
  readonly operation: string;
  /** The SDK's attempt number from its `amz-sdk-request: attempt=N; max=M` header (1 when absent). */
  readonly attempt: number;
  /** The attempts the SDK allows this request, from the same header's `max=M` (undefined when absent). */
  readonly maxAttempts?: number;
  readonly body: string;
}

export interface ProxyReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Answers a request itself (a reply) or lets it through (undefined). */
export type FaultRule = (request: ProxiedRequest) => ProxyReply | undefined;

export interface ProxyLog extends ProxiedRequest {
  /** The status the client saw. */
  readonly status: number;
  /** True when the rule answered instead of the upstream. */
  readonly injected: boolean;
}

export interface FaultProxy {
  readonly endpoint: string;
  /** Every request, in arrival order. */
  readonly log: ProxyLog[];
  /** Replaces the rule; `() => undefined` lets everything through. */
  setRule(rule: FaultRule): void;
  stop(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  let rule: FaultRule = () => undefined;
  const log: ProxyLog[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const sdkRequest = String(req.headers['amz-sdk-request'] ?? '');
      const max = /max=(\d+)/.exec(sdkRequest)?.[1];
      const request: ProxiedRequest = {
        operation: String(req.headers['x-amz-target'] ?? new URLSearchParams(text).get('Action') ?? ''),
        attempt: Number(/attempt=(\d+)/.exec(sdkRequest)?.[1] ?? 1),
        ...(max !== undefined && { maxAttempts: Number(max) }),
        body: text,
      };
      const injected = rule(request);
      if (injected) {
        log.push({ ...request, status: injected.status, injected: true });
        res.writeHead(injected.status, { ...injected.headers, 'content-length': Buffer.byteLength(injected.body) });
        res.end(injected.body);
        return;
      }
      const forward = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (upstreamRes) => {
          log.push({ ...request, status: upstreamRes.statusCode ?? 0, injected: false });
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    setRule: (next) => (rule = next),
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * DynamoDB's own throttling answer (AWS JSON 1.0: HTTP 400, the error's shape id in `__type`), as the
 * DynamoDB API reference's "Error handling" page shows it; the SDK reads the name after the `#`.
 */
export function dynamoThrottle(
  kind: 'ProvisionedThroughputExceededException' | 'ThrottlingException' = 'ProvisionedThroughputExceededException',
): ProxyReply {
  const body =
    kind === 'ProvisionedThroughputExceededException'
      ? {
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message:
            'The level of configured provisioned throughput for the table was exceeded. ' +
            'Consider increasing your provisioning level with the UpdateTable API.',
        }
      : {
          __type: 'com.amazon.coral.availability#ThrottlingException',
          message: 'Rate of requests exceeds the allowed throughput.',
        };
  return {
    status: 400,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': 'THROTTLED0000000000000000000000000000000000000000000',
    },
    body: JSON.stringify(body),
  };
}

/** SNS's query-protocol error for an internal failure (HTTP 500, XML), which the SDK retries. */
export function snsInternalError(): ProxyReply {
  return {
    status: 500,
    headers: { 'content-type': 'text/xml' },
    body:
      '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Receiver</Type>' +
      '<Code>InternalError</Code><Message>injected outage</Message></Error><RequestId>fault</RequestId></ErrorResponse>',
  };
}

/**
 * PutEvents accepted as a request but with its entry refused: HTTP 200, FailedEntryCount 1. The SDK sees
 * success; only the adapter's check of FailedEntryCount can tell (EventBridge API reference, PutEvents).
 */
export function putEventsEntryFailed(code = 'InternalFailure'): ProxyReply {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: code, ErrorMessage: 'injected entry failure' }],
    }),
  };
}
