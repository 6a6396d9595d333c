/** A scripted `fetch`: answers from a list, records what was asked, and can hang until aborted. */
export type Scripted =
  | { readonly status: number; readonly body?: string; readonly headers?: Record<string, string> }
  | { readonly throws: unknown }
  | 'hang'
  | 'hang-in-body';

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly calls: { readonly url: string; readonly init: RequestInit }[];
}

export function scriptedFetch(...script: Scripted[]): FakeFetch {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: String(input), init });
    const step = script[Math.min(calls.length, script.length) - 1];
    if (step === 'hang') {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('This operation was aborted', 'AbortError')),
        ),
      );
    }
    if (step === 'hang-in-body') {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"partial":'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(stream, { status: 200 });
    }
    if ('throws' in step) throw step.throws;
    return new Response(step.body ?? null, { status: step.status, headers: step.headers });
  };
  return { fetch: fetchFn as typeof fetch, calls };
}
