/**
 * Text into HTML and inline SVG. Service names, owners and ids are user text: every one goes through
 * `esc`, in element content and in attributes alike (the page is opened from disk, where a script in a
 * service name would run with file:// rights).
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A coordinate for SVG: at most one decimal, no `-0`. */
export function px(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/** An amount for people: thousands separated, cents only below 1,000 (where they still matter). */
export function formatAmount(amount: number): string {
  const digits = Math.abs(amount) >= 1000 ? 0 : 2;
  return amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A threshold as people write it: `500`, `1,500`, `12.50`. */
export function formatThreshold(amount: number): string {
  return formatAmount(amount).replace(/\.00$/, '');
}

/**
 * Approximate rendered width of a label in the page's sans-serif, in px, for placement and truncation
 * without a layout engine: CJK and other wide characters count double.
 */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += isWide(ch) ? 1 : /[A-Z@mwMW]/.test(ch) ? 0.68 : 0.55;
  return units * fontSize;
}

/** Cuts a label to `maxWidth` px with an ellipsis; the full text goes into a `<title>`. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}\u2026`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out}\u2026`;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}
