import { judgeAlibaba } from './alibaba-judge';
import { BSS_VERSION } from './alibaba-site';
import type { VendorCall } from '../../core/vendor-http-port';
import { signRpcQuery } from '../signing';

export interface AlibabaCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

export interface AlibabaCallInput {
  readonly accountId: string;
  /** The BSS host, or the account's endpoint (the sandbox), with a trailing `/`. */
  readonly url: string;
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
  readonly credentials: AlibabaCredentials;
  /** A fresh SignatureNonce per attempt: the API refuses one it has seen. */
  readonly nonce: () => string;
}

/** One RPC call: a GET whose query carries every parameter and the signature, rebuilt on every attempt. */
export function alibabaCall(input: AlibabaCallInput): VendorCall {
  return {
    vendor: 'alibaba',
    accountId: input.accountId,
    operation: input.action,
    prepare: (now) => {
      const query = signRpcQuery({
        accessKeyId: input.credentials.accessKeyId,
        accessKeySecret: input.credentials.accessKeySecret,
        action: input.action,
        version: BSS_VERSION,
        params: input.params,
        at: now,
        nonce: input.nonce(),
      });
      return { method: 'GET', url: `${input.url}?${query}`, headers: { Accept: 'application/json' } };
    },
    judge: judgeAlibaba,
  };
}
