import * as fc from 'fast-check';
import { escapeText, foldLine, icsUtcDateTime } from '../../lambda/ics';

function unfold(text: string): string {
  return text.replace(/\r\n /g, '');
}

describe('content lines', () => {
  it('leaves a line of 75 octets alone and folds the 76th octet onto a continuation line', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('counts the continuation space toward the next 75 octets', () => {
    expect(foldLine('a'.repeat(75 + 74 + 1))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
  });

  it('moves a 3-octet character that would straddle the limit whole onto the next line', () => {
    // 74 ASCII octets + '语' (3 octets) would make 77: the character goes to the next line
    expect(foldLine(`${'a'.repeat(74)}语`)).toBe(`${'a'.repeat(74)}\r\n 语`);
  });

  it('folds any text into lines of at most 75 octets of valid UTF-8 that unfold to the original', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }).filter((s) => !/[\r\n]/.test(s)),
        (text) => {
          const folded = foldLine(text);

          const lines = folded.split('\r\n');
          for (const line of lines) {
            const bytes = Buffer.from(line, 'utf8');
            expect(bytes.length).toBeLessThanOrEqual(75);
            expect(decoder.decode(bytes)).toBe(line);
          }
          lines.slice(1).forEach((line) => expect(line.startsWith(' ')).toBe(true));
          expect(unfold(folded)).toBe(text);
        },
      ),
    );
  });

  it('escapes TEXT as RFC 5545 3.3.11 says, and drops control characters other than tab', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\th\u0007i')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng\thi');
  });

  it('writes UTC date-times in the basic format with whole seconds', () => {
    expect(icsUtcDateTime(new Date('2026-09-30T01:30:00.999Z'))).toBe('20260930T013000Z');
  });
});
