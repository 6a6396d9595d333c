/**
 * Measures the log bytes a cycle writes, as CloudWatch Logs would ingest them: the real Powertools logger
 * of the handlers (lambda/handlers/powertools-logger.ts) writes to stdout/stderr, which are intercepted
 * and counted while a cycle runs. EMF metric documents are counted apart, since they are the other half
 * of the ingestion.
 */
export interface LogUsage {
  readonly lines: number;
  readonly bytes: number;
}

type Write = typeof process.stdout.write;

export async function countingOutput<T>(fn: () => Promise<T>): Promise<{ result: T; usage: LogUsage }> {
  let lines = 0;
  let bytes = 0;
  const counter = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').filter((l) => l.length > 0).length;
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    callback?.();
    return true;
  }) as Write;
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = counter;
  process.stderr.write = counter;
  try {
    const result = await fn();
    return { result, usage: { lines, bytes } };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}
