/**
 * The lexical layer of RFC 5545: TEXT escaping (3.3.11), 75-octet line folding (3.1), DATE and UTC
 * DATE-TIME values (3.3.4, 3.3.5), CRLF line ends. No knowledge of events here.
 */
import type { IsoDate } from '../core/model';

export const CRLF = '\r\n';
/** RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
export const MAX_LINE_OCTETS = 75;

/**
 * A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`. Other control
 * characters (not allowed in TEXT) are dropped, tabs kept.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

/**
 * Splits a content line into lines of at most 75 octets of UTF-8, continuation lines starting with one
 * space (which counts toward their 75). Splits fall between code points, never inside a UTF-8 sequence
 * or a surrogate pair, so a CJK name survives any parser that unfolds before decoding.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const codePoint of line) {
    const size = utf8Length(codePoint.codePointAt(0)!);
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line
    }
    current += codePoint;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** A DATE value: `2026-10-09` → `20261009`. */
export function icsDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

/** A DATE-TIME in UTC ("form #2"), whole seconds: `20261002T013000Z`. */
export function icsUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Folded content lines, each ended by CRLF, as a whole iCalendar object expects. */
export function joinContentLines(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
