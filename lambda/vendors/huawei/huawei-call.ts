import type { VendorCall } from '../../core/vendor-http-port';
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

/**
 * Errors are `{ error_code, error_msg }` (API Gateway adds `request_id`) with meaningful statuses:
 * APIGW.0301 (bad AK/SK signature) is 401, APIGW.0308 (throttled) is 429, so the status decides.
 */
export const judgeHuawei = judgeWithEnvelope((body) => {
  const message = textField(body, 'error_msg');
  const requestId = textField(body, 'request_id');
  return {
    code: textField(body, 'error_code'),
    message: [message, requestId && `(request_id ${requestId})`].filter(Boolean).join(' '),
  };
});

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
