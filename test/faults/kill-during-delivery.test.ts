/**
 * `kill -9` in the middle of delivery, on the shipped command: the README promises at least once, never
 * lost, and at most the send concurrency (16) alerts resent by the next run. This kills a real
 * `renewal-guard check --send` process while its webhook posts are in flight, runs the next check, and
 * counts what the receiver got per alert key.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { LocalSecretResolver } from '../../lambda/cli/local-secrets';
import { tempDir } from '../cli/cli-harness';

const BIN = path.join(__dirname, '..', '..', 'bin', 'renewal-guard');
/** README "Delivery": a crash resends at most this many alerts. */
const SEND_CONCURRENCY = 16;
const SERVICES = 120;

interface Receiver {
  readonly url: string;
  /** Idempotency-Key of every post, in arrival order. */
  readonly keys: string[];
  /** Called on each arrival, before the (slow) answer. */
  onPost?: (count: number) => void;
  close(): Promise<void>;
}

/** A webhook endpoint that answers slowly, so a kill lands while posts are in flight. */
async function slowWebhook(delayMs: number): Promise<Receiver> {
  const receiver: Partial<Receiver> & { keys: string[] } = { keys: [] };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      receiver.keys.push(String(req.headers['idempotency-key']));
      receiver.onPost?.(receiver.keys.length);
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as Receiver;
}

function config(): string {
  const services = Array.from(
    { length: SERVICES },
    (_, i) =>
      `  - { id: svc-${i}, name: Service ${i}, project: p, kind: subscription, expiresOn: 2026-10-09, owners: [ops@example.com] }`,
  ).join('\n');
  return `version: 1
timeZone: Asia/Shanghai
calendar: weekends
services:
${services}
channels:
  - { id: hook, type: webhook, secret: renewal-guard/hook }
ownerEmail: { enabled: false }
`;
}

function check(dir: string, now: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, 'check', '--send', '--config', 'renewal-guard.yaml', '--now', now], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

let dir: string;
let receiver: Receiver;
beforeAll(() => {
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'assets', 'lambda', 'cli', 'main', 'index.js'))) {
    throw new Error('the CLI bundle is missing: run `npx projen bundle` (npm test does) before these tests');
  }
});
beforeEach(async () => {
  dir = tempDir();
  fs.writeFileSync(path.join(dir, 'renewal-guard.yaml'), config());
  receiver = await slowWebhook(300);
});
afterEach(async () => {
  await receiver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 during delivery', () => {
  it('loses nothing, and the next check resends at most the send concurrency', async () => {
    // Prepare: 120 reminders due, one webhook channel that takes 300 ms to answer
    const env = {
      [LocalSecretResolver.envVarFor('renewal-guard/hook')]: JSON.stringify({
        url: receiver.url,
        signingSecret: 'whsec_kill_test_secret',
      }),
    };

    // Act: kill the first check once 40 posts have arrived, with more in flight
    const first = check(dir, '2026-09-30T09:30:00+08:00', env);
    receiver.onPost = (count) => {
      if (count === 40) first.child.kill('SIGKILL');
    };
    const killed = await first.done;
    receiver.onPost = undefined;
    const beforeSecond = receiver.keys.length;
    // the next check runs after the dead cycle's outbox lease (15 minutes) has run out
    const second = await check(dir, '2026-09-30T09:50:00+08:00', env).done;

    // Assess
    expect(killed.signal).toBe('SIGKILL');
    expect(beforeSecond).toBeGreaterThanOrEqual(40);
    expect(beforeSecond).toBeLessThan(SERVICES); // the kill landed mid-delivery
    expect([second.code, second.stderr]).toEqual([0, '']);
    const counts = new Map<string, number>();
    // the reminders under test; a notice about the guard or the calendar (the eve of a holiday) may come too
    for (const key of receiver.keys.filter((k) => k.startsWith('svc-'))) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect(counts.size).toBe(SERVICES); // every reminder arrived: nothing lost
    const resent = [...counts.values()].filter((n) => n > 1);
    expect(resent.every((n) => n === 2)).toBe(true);
    // posts were in flight when the kill landed (so some are resent), never more than the concurrency
    expect(resent.length).toBeGreaterThan(0);
    expect(resent.length).toBeLessThanOrEqual(SEND_CONCURRENCY);
  }, 90_000);
});
