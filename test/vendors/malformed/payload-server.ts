/**
 * A loopback HTTP server that answers each vendor call with a scripted reply: the malformed one under
 * test, valid ones for the calls before it. Calls are told apart as the vendors tell them apart:
 * Tencent by its `X-TC-Action` header, Alibaba by its `Action` parameter, the others by their path.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface Reply {
  /** @default 200 */
  readonly status?: number;
  /** @default application/json */
  readonly contentType?: string;
  /** A string is sent as is (truncated JSON, HTML), anything else as JSON. */
  readonly body: unknown;
  /** Sent in 64 KiB chunks without Content-Length, as a streamed answer is. */
  readonly chunked?: boolean;
}

/** Replies by call: a key is an action name or the end of a path; a list answers its calls in turn, then repeats its last. */
export type Script = Readonly<Record<string, Reply | readonly Reply[]>>;

export interface RecordedRequest {
  readonly key: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface PayloadServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Replaces the script and forgets the requests. */
  serve(script: Script): void;
  stop(): Promise<void>;
}

export async function startPayloadServer(): Promise<PayloadServer> {
  let script: Script = {};
  let counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const key =
        headers['x-tc-action'] ??
        url.searchParams.get('Action') ??
        Object.keys(script).find((k) => url.pathname.endsWith(k)) ??
        url.pathname;
      requests.push({ key, url: req.url ?? '/', headers });
      const entry = script[key];
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      const reply: Reply | undefined = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)] : (entry as Reply);
      if (!reply) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no such call in this script"}');
        return;
      }
      send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    serve(next) {
      script = next;
      counts = new Map();
      requests.length = 0;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(res: http.ServerResponse, reply: Reply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const headers = { 'content-type': reply.contentType ?? 'application/json' };
  if (!reply.chunked) {
    res.writeHead(reply.status ?? 200, headers).end(text);
    return;
  }
  res.writeHead(reply.status ?? 200, { ...headers, 'transfer-encoding': 'chunked' });
  const bytes = Buffer.from(text);
  const CHUNK = 65_536;
  let at = 0;
  const next = () => {
    // the client cancels once past its cap: stop writing then
    if (at >= bytes.length || res.destroyed) return void res.end();
    const more = res.write(bytes.subarray(at, (at += CHUNK)));
    if (more) setImmediate(next);
    else res.once('drain', next);
  };
  res.on('error', () => undefined);
  next();
}
