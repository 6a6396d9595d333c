/**
 * A loopback stand-in for the Amazon SES v2 API's SendEmail (REST-JSON: `POST /v2/email/outbound-emails`),
 * so the bundled poller, which inlines its own SDK copy, can be run as shipped. It records each request
 * body and can refuse one recipient as SES refuses an unverified address in the sandbox.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface SesSendEmail {
  readonly FromEmailAddress: string;
  readonly Destination: { readonly ToAddresses: readonly string[] };
  readonly Content: {
    readonly Simple: {
      readonly Subject: { readonly Data: string; readonly Charset?: string };
      readonly Body: { readonly Text: { readonly Data: string }; readonly Html: { readonly Data: string } };
    };
  };
  readonly EmailTags?: readonly { readonly Name: string; readonly Value: string }[];
  readonly ConfigurationSetName?: string;
}

export interface FakeSesV2 {
  readonly endpoint: string;
  readonly sent: SesSendEmail[];
  /** Answer SendEmail to this address with MessageRejected until `accept` is called. */
  reject(address: string): void;
  accept(address: string): void;
  stop(): Promise<void>;
}

export async function startFakeSesV2(): Promise<FakeSesV2> {
  const sent: SesSendEmail[] = [];
  const rejected = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v2/email/outbound-emails') {
        res.writeHead(404, { 'x-amzn-errortype': 'NotFoundException', 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `unexpected request ${req.method} ${req.url}` }));
        return;
      }
      const request = JSON.parse(body) as SesSendEmail;
      const to = request.Destination.ToAddresses;
      if (to.some((a) => rejected.has(a))) {
        res.writeHead(400, { 'x-amzn-errortype': 'MessageRejected', 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ message: 'Email address is not verified. The following identities failed the check' }),
        );
        return;
      }
      sent.push(request);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: `ses-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    sent,
    reject: (address) => rejected.add(address),
    accept: (address) => rejected.delete(address),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
