/**
 * A loopback stand-in for the SNS (query protocol, XML) and EventBridge (JSON 1.1) endpoints, so the
 * bundled handlers — which inline their own SDK copies, out of reach of aws-sdk-client-mock — can be
 * run as shipped. It records what it receives and can be told to fail.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface SnsPublish {
  readonly topicArn: string;
  readonly subject: string;
  readonly message: string;
  readonly messageStructure: string | null;
  readonly attributes: Record<string, { DataType: string; StringValue: string }>;
}

export interface FakeAws {
  readonly endpoint: string;
  readonly published: SnsPublish[];
  readonly events: Record<string, unknown>[];
  /** Answer the next n SNS publishes with a 500. */
  failSnsPublishes(n: number): void;
  /** Secrets Manager: what GetSecretValue answers, by secret name. */
  putSecret(name: string, value: Readonly<Record<string, string>>): void;
  stop(): Promise<void>;
}

export async function startFakeAws(): Promise<FakeAws> {
  const published: SnsPublish[] = [];
  const events: Record<string, unknown>[] = [];
  let snsFailures = 0;
  const secrets = new Map<string, string>();

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      if (target === 'AWSEvents.PutEvents') {
        const entries = JSON.parse(body).Entries as Record<string, unknown>[];
        events.push(...entries);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify({
            FailedEntryCount: 0,
            Entries: entries.map((_, i) => ({ EventId: `event-${events.length + i}` })),
          }),
        );
        return;
      }
      if (target === 'secretsmanager.GetSecretValue') {
        const name = JSON.parse(body).SecretId as string;
        const value = secrets.get(name);
        res.writeHead(value === undefined ? 400 : 200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify(
            value === undefined
              ? { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }
              : {
                  ARN: `arn:aws:secretsmanager:ap-east-1:123456789012:secret:${name}-AbCdEf`,
                  Name: name,
                  SecretString: value,
                },
          ),
        );
        return;
      }
      const form = new URLSearchParams(body);
      if (form.get('Action') === 'Publish') {
        if (snsFailures > 0) {
          snsFailures--;
          res.writeHead(500, { 'content-type': 'text/xml' });
          res.end(
            '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>fake outage</Message></Error><RequestId>r</RequestId></ErrorResponse>',
          );
          return;
        }
        published.push(readPublish(form));
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-${published.length}</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>`,
        );
        return;
      }
      res.writeHead(400);
      res.end(`unexpected request ${target ?? form.get('Action')}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    published,
    events,
    failSnsPublishes: (n) => (snsFailures = n),
    putSecret: (name, value) => secrets.set(name, JSON.stringify(value)),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readPublish(form: URLSearchParams): SnsPublish {
  const attributes: SnsPublish['attributes'] = {};
  for (let i = 1; form.has(`MessageAttributes.entry.${i}.Name`); i++) {
    attributes[form.get(`MessageAttributes.entry.${i}.Name`)!] = {
      DataType: form.get(`MessageAttributes.entry.${i}.Value.DataType`)!,
      StringValue: form.get(`MessageAttributes.entry.${i}.Value.StringValue`)!,
    };
  }
  return {
    topicArn: form.get('TopicArn')!,
    subject: form.get('Subject')!,
    message: form.get('Message')!,
    messageStructure: form.get('MessageStructure'),
    attributes,
  };
}
