import * as fc from 'fast-check';
import {
  ELLIPSIS,
  truncateBytes,
  truncateChars,
  truncateRendered,
  utf8Length,
} from '../../lambda/channels/text/truncate';
import { hasLoneSurrogate } from '../support/receivers';

// Strings rich in what breaks careless cuts: CJK (3 UTF-8 bytes), astral characters (surrogate pairs).
const tricky = fc.string({
  unit: fc.constantFrom('a', 'é', '续', '费', '𠀀', '😀', ' ', '&', '<'),
  maxLength: 300,
});

describe('truncation by rule', () => {
  it('leaves a text that fits untouched', () => {
    expect(truncateChars('续费提醒', 4)).toBe('续费提醒');
    expect(truncateBytes('续费提醒', 12)).toBe('续费提醒');
  });

  it('ends a cut text with the ellipsis, within the limit', () => {
    expect(truncateChars('Live app RTC', 8)).toBe('Live ap…');
    expect(truncateBytes('续费提醒', 9)).toBe(`续费${ELLIPSIS}`);
  });

  it('never splits a surrogate pair when counting characters', () => {
    // '𠀀' is two UTF-16 units: a cut after 2 units would leave half of the second one
    expect(truncateChars('a𠀀𠀀', 4)).toBe('a𠀀…');
    expect(truncateChars('a𠀀𠀀', 3)).toBe('a…');
  });

  it('never splits a multi-byte character when counting bytes', () => {
    // 7 bytes: '续' (3) + '…' (3) fits, a second '续' would need 9
    expect(truncateBytes('续续续', 7)).toBe('续…');
    expect(truncateBytes('😀😀', 6)).toBe('…');
  });

  it('holds every limit, leaves no lone surrogate and keeps a prefix, for any text', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 1, max: 400 }), (text, max) => {
        const byChars = truncateChars(text, max);
        const byBytes = truncateBytes(text, max + 3);
        expect(byChars.length).toBeLessThanOrEqual(max);
        expect(utf8Length(byBytes)).toBeLessThanOrEqual(max + 3);
        for (const cut of [byChars, byBytes]) {
          expect(hasLoneSurrogate(cut)).toBe(false);
          expect(text.startsWith(cut.endsWith(ELLIPSIS) && cut !== text ? cut.slice(0, -1) : cut)).toBe(true);
        }
      }),
    );
  });

  it('cuts escaped text before escaping, so no entity is split', () => {
    // Prepare
    const escape = (s: string) => s.replace(/&/g, '&amp;');

    // Act
    const cut = truncateRendered('a&b&c&d', 8, escape);

    // Assess
    expect(cut).toBe('a&amp;b…');
  });
});
