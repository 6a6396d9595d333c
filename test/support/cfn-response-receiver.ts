/**
 * Stands in for the pre-signed S3 URL that CloudFormation puts in a custom resource event: records each
 * PUT answer (body and headers) and can refuse the first ones, as S3 would on a hiccup.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface CfnAnswer {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

export interface CfnResponseReceiver {
  readonly answers: CfnAnswer[];
  /** A fresh ResponseURL with a query like a pre-signed URL's. */
  url(name: string): string;
  /** Answers the next `count` PUTs with 503. */
  refuse(count: number): void;
  stop(): Promise<void>;
}

export async function startCfnResponseReceiver(): Promise<CfnResponseReceiver> {
  const answers: CfnAnswer[] = [];
  let refusals = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'PUT') {
        res.writeHead(405).end();
        return;
      }
      if (refusals > 0) {
        refusals--;
        res.writeHead(503).end();
        return;
      }
      answers.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/cfn-responses/${name}?X-Amz-Signature=presigned-secret`,
    answers,
    refuse: (count) => {
      refusals = count;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A custom resource event as CloudFormation sends it to the ServiceToken function. */
export function customResourceEvent(
  requestType: 'Create' | 'Update' | 'Delete',
  responseUrl: string,
  properties: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    RequestType: requestType,
    ServiceToken: 'arn:aws:lambda:ap-east-1:123456789012:function:GuardRegistrySync',
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:ap-east-1:123456789012:stack/GuardStack/00000000-0000-4000-8000-000000000000',
    RequestId: `request-${requestType.toLowerCase()}`,
    LogicalResourceId: 'GuardRegistrySyncOnDeploy1A2B3C4D',
    ResourceType: 'Custom::RenewalGuardRegistrySync',
    ResourceProperties: {
      ServiceToken: 'arn:aws:lambda:ap-east-1:123456789012:function:GuardRegistrySync',
      ...properties,
    },
    ...(requestType !== 'Create' && { PhysicalResourceId: 'renewal-guard-registry-sync' }),
  };
}
