/**
 * A transparent loopback proxy in front of moto's SNS endpoint that remembers each `Publish` by the
 * MessageId moto answers. It exists for one reason: a stand-in SQS queue receives the variant SNS picks
 * for protocol `sqs` (`default` of a `MessageStructure: json` message), while AWS hands an email
 * subscription the `email` variant and a Lambda subscription the `lambda` one. With the original publish
 * at hand, each stand-in delivery gets its real protocol's variant; what is delivered, and whether at all,
 * is still moto's filter-policy evaluation. Requests and answers pass through unchanged.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedPublish {
  readonly messageId: string;
  readonly topicArn: string;
  readonly message: string;
  readonly messageStructure?: string;
  readonly subject?: string;
}

export class SnsPublishRecorder {
  static async start(motoEndpoint: string): Promise<SnsPublishRecorder> {
    const recorder = new SnsPublishRecorder(motoEndpoint);
    await new Promise<void>((resolve) => recorder.server.listen(0, '127.0.0.1', resolve));
    return recorder;
  }

  private readonly server: http.Server;
  private readonly byId = new Map<string, RecordedPublish>();

  private constructor(private readonly motoEndpoint: string) {
    this.server = http.createServer((req, res) => {
      void this.forward(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        },
        (e: Error) => {
          res.writeHead(502, { 'Content-Type': 'text/plain' });
          res.end(`sns publish recorder: ${e.message}`);
        },
      );
    });
  }

  /** Where the functions' `AWS_ENDPOINT_URL_SNS` points. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get publishes(): readonly RecordedPublish[] {
    return [...this.byId.values()];
  }

  /**
   * The message SNS delivers to a subscription of `protocol` (SNS's own rule for `MessageStructure:
   * json`: the protocol's key, else `default`), or undefined when the publish did not pass through here.
   */
  variantFor(messageId: string, protocol: string): string | undefined {
    const publish = this.byId.get(messageId);
    if (!publish) return undefined;
    if (publish.messageStructure !== 'json') return publish.message;
    const variants = JSON.parse(publish.message) as Record<string, string>;
    return variants[protocol] ?? variants.default;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private async forward(req: http.IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([k, v]) => (v === undefined || k === 'host' ? [] : [[k, String(v)]])),
    );
    const response = await fetch(`${this.motoEndpoint}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    const answer = Buffer.from(await response.arrayBuffer());
    this.record(body.toString('utf8'), answer.toString('utf8'), response.status);
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(key)) {
        outHeaders[key] = value;
      }
    });
    return { status: response.status, headers: outHeaders, body: answer };
  }

  /** SNS speaks the AWS query protocol: a form-encoded request, an XML answer. */
  private record(request: string, answer: string, status: number): void {
    const form = new URLSearchParams(request);
    const action = form.get('Action');
    if (action === 'PublishBatch') {
      throw new Error('PublishBatch is not recorded by the emulation; extend the recorder');
    }
    if (action !== 'Publish' || status !== 200) return;
    const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(answer)?.[1];
    if (!messageId) throw new Error(`moto answered a Publish without a MessageId: ${answer.slice(0, 200)}`);
    this.byId.set(messageId, {
      messageId,
      topicArn: form.get('TopicArn') ?? form.get('TargetArn') ?? '',
      message: form.get('Message') ?? '',
      ...(form.get('MessageStructure') !== null && { messageStructure: form.get('MessageStructure')! }),
      ...(form.get('Subject') !== null && { subject: form.get('Subject')! }),
    });
  }
}
