/**
 * A `moto_server` (Python moto 5.2, preinstalled on every machine that runs the suite) on a free loopback
 * port, for the length of one test file: started, polled until it answers, stopped by its own pid.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as http from 'http';
import * as net from 'net';

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /**
   * Sends one query-protocol request and resolves once it is on the wire, with the promise of its
   * answer: moto loads a service's models on first use, which can then overlap synchronous work here.
   */
  warmUp(service: string, params: Record<string, string>): Promise<Promise<void>>;
  /** The last lines moto printed to stderr (its request log and tracebacks), for failure messages. */
  recentLog(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

export async function startMotoServer(): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`moto_server could not start (is moto installed?): ${e.message}`)));
    void exited.then((code) => reject(new Error(`moto_server exited with ${code} before answering: ${stderr}`)));
  });
  try {
    await Promise.race([waitUntilAnswering(endpoint), failed]);
  } catch (e) {
    await stopChild(child, exited);
    throw e;
  }
  failed.catch(() => undefined); // later exits are reported by stop(), not as unhandled rejections
  return {
    endpoint,
    warmUp: (service, params) => sendQuery(port, service, params),
    recentLog: () => stderr,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilAnswering(endpoint: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`moto_server did not answer at ${endpoint} within ${READY_TIMEOUT_MS} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sendQuery(port: number, service: string, params: Record<string, string>): Promise<Promise<void>> {
  return new Promise((flushed, reject) => {
    const answered = new Promise<void>((resolve, fail) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
            Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEMULATED/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : fail(new Error(`moto ${service} warm-up: ${res.statusCode}`)),
          );
        },
      );
      req.on('error', (e) => {
        fail(e);
        reject(e);
      });
      req.end(new URLSearchParams(params).toString(), () => flushed(answered));
    });
    answered.catch(() => undefined);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
