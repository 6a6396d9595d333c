import { defaultJudge } from './default-judge';
import type { HttpExchange, VendorCall, VendorHttp, Verdict } from '../../core/vendor-http-port';

/**
 * Thrown by a reader when a vendor's answer lacks what the adapter needs. Its message describes the
 * shape (`"balance" is missing`, `"balance" is not a decimal number (got null)`) and never quotes a
 * value: a misconfigured path could point at a credential.
 */
export class ShapeProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeProblem';
  }
}

/**
 * Calls a vendor and reads its JSON answer with `read`, inside the client's judgement: an answer that
 * is not JSON, or that `read` rejects, fails the call as `malformed` (not retried) with the attempts
 * counted, so the adapter gets either its value or a VendorError — never a half-read answer, never a
 * silent zero.
 */
export async function callJson<T>(
  http: VendorHttp,
  call: VendorCall,
  read: (json: unknown, exchange: HttpExchange) => T,
): Promise<T> {
  const judge = call.judge ?? defaultJudge;
  let value: { readonly result: T } | undefined;
  await http.call({
    ...call,
    prepare: (now) => call.prepare(now),
    judge: (exchange): Verdict => {
      value = undefined;
      const verdict = judge(exchange);
      if (!verdict.ok) return verdict;
      let json: unknown;
      try {
        json = JSON.parse(exchange.body);
      } catch {
        return { ok: false, kind: 'malformed', retryable: false, message: 'the answer is not JSON' };
      }
      try {
        value = { result: read(json, exchange) };
      } catch (e) {
        const message = e instanceof ShapeProblem ? e.message : `the answer could not be read (${errorName(e)})`;
        return { ok: false, kind: 'malformed', retryable: false, message };
      }
      return { ok: true };
    },
  });
  if (!value) throw new Error(`callJson: ${call.operation} succeeded without a judged answer`);
  return value.result;
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

/** A JSON object, or a ShapeProblem naming what was expected. */
export function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeProblem(`${what} is not an object (got ${describeJson(value)})`);
  }
  return value as Record<string, unknown>;
}

/** A JSON array, or a ShapeProblem naming what was expected. */
export function asArray(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ShapeProblem(`${what} is not a list (got ${describeJson(value)})`);
  return value;
}

/** A JSON value's kind, never its content. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
