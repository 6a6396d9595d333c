import type { Script } from './payload-server';
import type { Vendor } from '../../../lambda/core/model';

/** One malformed answer and what the VendorError it ends in must name. */
export interface MalformedCase {
  /** What is wrong with the answer, as a sentence fragment. */
  readonly name: string;
  readonly vendor: Vendor;
  /** Account options over the vendor's defaults (vendor-setups.ts). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Replies over the vendor's valid ones: the malformed answer, and what leads to it. */
  readonly script: Script;
  /** The call the error must name (`GET /Balance.json`, `DescribeAccountBalance`). */
  readonly operation: string;
  /** The words that say where and what: a field path (`usage_records[0].price`) or the answer's fault. */
  readonly place: string;
}

/** An HTML page as proxies and gateways send it, with a 200. */
export const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

/** JSON text a little over the client's default 1 MiB cap. */
export function oversize(): string {
  return JSON.stringify({ filler: 'x'.repeat(1_100_000) });
}

export const NOT_JSON = 'the answer is not JSON';
export const TOO_BIG = 'the answer exceeds 1048576 bytes';
