import { judgeTencent } from './tencent-judge';
import type { TencentApi } from './tencent-site';
import type { VendorCall } from '../../core/vendor-http-port';
import { signTc3Request } from '../signing';

export interface TencentCredentials {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface TencentCallInput {
  readonly accountId: string;
  /** Where the POST goes: the product's host, or the account's endpoint (the sandbox). */
  readonly url: string;
  readonly api: TencentApi;
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly credentials: TencentCredentials;
}

/** One API 3.0 call: a JSON POST signed afresh on every attempt, so a retry never reuses a stale timestamp. */
export function tencentCall(input: TencentCallInput): VendorCall {
  const payload = JSON.stringify(input.params);
  return {
    vendor: 'tencent',
    accountId: input.accountId,
    operation: input.action,
    prepare: (now) => {
      const signed = signTc3Request({
        secretId: input.credentials.secretId,
        secretKey: input.credentials.secretKey,
        service: input.api.service,
        url: input.url,
        action: input.action,
        version: input.api.version,
        region: input.api.region,
        timestampSeconds: Math.floor(now.getTime() / 1000),
        payload,
      });
      return { method: 'POST', url: input.url, headers: signed.headers, body: payload };
    },
    judge: judgeTencent,
  };
}
