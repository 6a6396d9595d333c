/**
 * The CloudFormation custom-resource protocol, from CloudFormation's side: the request event sent to the
 * ServiceToken function, and the response it must PUT to the event's pre-signed `ResponseURL` — here a
 * loopback server standing in for the S3 URL. Provisioning fails unless the answer is SUCCESS.
 */
import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { StackEnvironment } from './template-values';

export interface CustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly NoEcho?: boolean;
  readonly Data?: Record<string, unknown>;
}

/** A Create request as CloudFormation sends it (property values are strings, as CloudFormation passes them). */
export function createRequest(options: {
  env: StackEnvironment;
  logicalId: string;
  resourceType: string;
  serviceToken: string;
  properties: Record<string, unknown>;
  responseUrl: string;
  requestId: string;
}) {
  return {
    RequestType: 'Create',
    ServiceToken: options.serviceToken,
    ResponseURL: options.responseUrl,
    StackId: options.env.stackId,
    RequestId: options.requestId,
    LogicalResourceId: options.logicalId,
    ResourceType: options.resourceType,
    ResourceProperties: { ...stringified(options.properties), ServiceToken: options.serviceToken },
  };
}

function stringified(properties: Record<string, unknown>): Record<string, unknown> {
  const convert = (v: unknown): unknown =>
    typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : Array.isArray(v)
        ? v.map(convert)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]))
          : v;
  return convert(properties) as Record<string, unknown>;
}

/** Collects the responses PUT to `responseUrl(requestId)`. */
export class ResponseUrlServer {
  static async start(): Promise<ResponseUrlServer> {
    const server = new ResponseUrlServer();
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  private readonly server: http.Server;
  private readonly responses = new Map<string, CustomResourceResponse>();
  private readonly waiting = new Map<string, (r: CustomResourceResponse) => void>();

  private constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const requestId = decodeURIComponent((req.url ?? '').replace(/^\/responses\//, '').split('?')[0]!);
        if (req.method !== 'PUT' || !requestId) {
          res.writeHead(405).end();
          return;
        }
        try {
          const response = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CustomResourceResponse;
          this.responses.set(requestId, response);
          this.waiting.get(requestId)?.(response);
          res.writeHead(200).end(); // S3 answers an empty 200 to the pre-signed PUT
        } catch {
          res.writeHead(400).end('the response body is not JSON');
        }
      });
    });
  }

  newRequestId(): string {
    return randomUUID();
  }

  responseUrl(requestId: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/responses/${encodeURIComponent(requestId)}?X-Amz-Signature=emulated`;
  }

  /** The response PUT for `requestId`, or an error after `timeoutMs` (CloudFormation waits an hour). */
  async response(requestId: string, timeoutMs: number): Promise<CustomResourceResponse> {
    const done = this.responses.get(requestId);
    if (done) return done;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error(`no custom-resource response was PUT for request ${requestId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(requestId, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }
}
