/**
 * Truncation by rule: platforms count length differently (Slack and PagerDuty in characters, WeCom in
 * UTF-8 bytes), and a cut must never leave half a character behind — a lone UTF-16 surrogate makes the
 * JSON invalid for some parsers and renders as U+FFFD everywhere else.
 */

/** The ellipsis appended to every truncated text. One character, three UTF-8 bytes. */
export const ELLIPSIS = '…';

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * `text` cut to at most `max` UTF-16 code units (JavaScript's `length`), ellipsis included. Counting
 * code units over-counts astral characters relative to "characters", so the result also fits a limit
 * counted in code points.
 */
export function truncateChars(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max));
  return `${cutAtBoundary(text, max - ellipsis.length)}${ellipsis}`;
}

/** `text` cut to at most `max` UTF-8 bytes, ellipsis included, on a character boundary. */
export function truncateBytes(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (utf8Length(text) <= max) return text;
  const budget = max - utf8Length(ellipsis);
  if (budget <= 0) return '';
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > budget) break;
    bytes += size;
    end += ch.length;
  }
  return `${text.slice(0, end)}${ellipsis}`;
}

/**
 * Truncates `raw` so that `render(truncated)` fits `max` as `measure` counts it: for text that is
 * escaped or wrapped after truncation (Slack's `&lt;`), where cutting the rendered form could split an
 * entity. Searches for the longest prefix that fits, so it renders about log2(length) times.
 */
export function truncateRendered(
  raw: string,
  max: number,
  render: (text: string) => string,
  measure: (text: string) => number = (s) => s.length,
): string {
  const whole = render(raw);
  if (measure(whole) <= max) return whole;
  let fits = '';
  let low = 0;
  let high = raw.length - 1;
  while (low <= high) {
    const keep = Math.floor((low + high) / 2);
    const candidate = render(truncateChars(raw, keep));
    if (measure(candidate) <= max) {
      fits = candidate;
      low = keep + 1;
    } else {
      high = keep - 1;
    }
  }
  return fits;
}

/** The longest prefix of at most `units` UTF-16 code units that does not end inside a surrogate pair. */
function cutAtBoundary(text: string, units: number): string {
  let end = Math.min(units, text.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
