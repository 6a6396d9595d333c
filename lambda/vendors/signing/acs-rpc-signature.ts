/**
 * Alibaba Cloud RPC-style signature, version 1.0 (HMAC-SHA1), as documented in "RPC 风格 签名机制"
 * (https://help.aliyun.com/document_detail/28839.html; the ECS "Request signatures" page,
 * https://www.alibabacloud.com/help/doc-detail/25492.htm, carries the worked example pinned in the tests).
 * BSS OpenAPI (business.aliyuncs.com, 2017-12-14) is RPC style: GET with every parameter in the query.
 */
import { hmacSha1Base64 } from './digest';
import { percentEncode } from './percent-encode';

export const RPC_SIGNATURE_METHOD = 'HMAC-SHA1';
export const RPC_SIGNATURE_VERSION = '1.0';

/** `Timestamp`: ISO 8601 in UTC without fractions, `2016-02-23T12:46:24Z`. */
export function rpcTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Every parameter but `Signature`, sorted by name, each name and value percent-encoded, joined with `&`. */
export function rpcCanonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
}

/** `GET&%2F&` + the canonical query, itself percent-encoded once more (so `:` in a timestamp ends as `%253A`). */
export function rpcStringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(rpcCanonicalQuery(params))}`;
}

/** Base64 HMAC-SHA1 keyed with the AccessKey secret followed by `&`. */
export function rpcSignature(
  method: string,
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): string {
  return hmacSha1Base64(`${accessKeySecret}&`, rpcStringToSign(method, params));
}

export interface RpcRequest {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly action: string;
  readonly version: string;
  /** The operation's own parameters. */
  readonly params?: Readonly<Record<string, string>>;
  readonly at: Date;
  /** A fresh value per attempt: the API rejects a nonce it has seen (`SignatureNonceUsed`). */
  readonly nonce: string;
}

/** The complete query string of a signed GET: common parameters, the operation's, and `Signature` last. */
export function signRpcQuery(req: RpcRequest): string {
  const params: Record<string, string> = {
    ...req.params,
    Action: req.action,
    Version: req.version,
    Format: 'JSON',
    AccessKeyId: req.accessKeyId,
    SignatureMethod: RPC_SIGNATURE_METHOD,
    SignatureVersion: RPC_SIGNATURE_VERSION,
    SignatureNonce: req.nonce,
    Timestamp: rpcTimestamp(req.at),
  };
  const signature = rpcSignature('GET', params, req.accessKeySecret);
  return `${rpcCanonicalQuery(params)}&Signature=${percentEncode(signature)}`;
}
