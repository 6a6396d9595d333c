import type { HttpExchange, VendorCall, Verdict } from '../../core/vendor-http-port';
import type { RemoteSays } from '../../http';
import { judgeWithEnvelope, textField } from '../http';
import { signHuaweiRequest } from '../signing';

export interface HuaweiCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
}

export interface HuaweiCallInput {
  readonly accountId: string;
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: Readonly<Record<string, unknown>>;
  /** Extra headers to sign and send (`X-Project-Id` for project-scoped services, `X-Language`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly credentials: HuaweiCredentials;
}

const huaweiSays = (body: unknown): RemoteSays => {
  const message = textField(body, 'error_msg');
  const requestId = textField(body, 'request_id');
  return {
    code: textField(body, 'error_code'),
    message: [message, requestId && `(request_id ${requestId})`].filter(Boolean).join(' '),
  };
};
const byStatus = judgeWithEnvelope(huaweiSays);

/**
 * Errors are `{ error_code, error_msg }` (API Gateway adds `request_id`; vendor-apis.md §6.2) with
 * meaningful statuses: APIGW.0301 (bad AK/SK signature) is 401, APIGW.0308 (throttled) is 429, so the
 * status decides. A 2xx that still carries an `error_code` (a proxy or an older BSS answer) is a
 * failure quoting it, not an answer missing its fields; `*.0000` codes mean success and pass.
 */
export function judgeHuawei(exchange: HttpExchange): Verdict {
  const verdict = byStatus(exchange);
  if (!verdict.ok) return verdict;
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return verdict;
  }
  const said = huaweiSays(body);
  if (said.code === undefined || said.code === '' || /\.0+$/.test(said.code)) return verdict;
  return {
    ok: false,
    kind: 'client',
    retryable: false,
    code: said.code,
    ...(said.message && { message: said.message }),
  };
}

/** One AK/SK-signed call, signed afresh on every attempt (X-Sdk-Date must be within 15 minutes). */
export function huaweiCall(input: HuaweiCallInput): VendorCall {
  const body = input.body === undefined ? undefined : JSON.stringify(input.body);
  return {
    vendor: 'huawei',
    accountId: input.accountId,
    operation: input.operation,
    prepare: (now) => {
      const signed = signHuaweiRequest({
        accessKey: input.credentials.accessKey,
        secretKey: input.credentials.secretKey,
        method: input.method,
        url: input.url,
        headers: { 'Content-Type': 'application/json', ...input.headers },
        body,
        at: now,
      });
      return { method: input.method, url: input.url, headers: signed.headers, ...(body !== undefined && { body }) };
    },
    judge: judgeHuawei,
  };
}
