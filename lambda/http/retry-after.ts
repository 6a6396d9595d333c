/**
 * The wait a `Retry-After` header asks for, in milliseconds: delta-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, read against `now`), as RFC 9110 defines them. Undefined when absent
 * or unreadable (`1.5`, `-5`, an ISO date), so the caller falls back to its own backoff; a date in the
 * past means "now" (0).
 */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always names its weekday and GMT; this keeps Date.parse away from bare numbers and
  // from the host's time zone.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
