/** A response body read up to a cap: a runaway or hostile answer cannot exhaust the Lambda's memory. */
export type CappedBody = { readonly text: string } | { readonly overflow: true };

/**
 * Reads the body as UTF-8 and stops (cancelling the download) as soon as it passes `maxBytes`,
 * whatever Content-Length claimed.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { overflow: true };
  }
  if (!response.body) return { text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { overflow: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}
