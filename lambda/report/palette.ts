import type { Tone } from './report-data';

/**
 * One colour per tone, used by the timeline, the runway charts, the badges and the legend alike, so a
 * colour means the same thing everywhere on the page. Chosen to stay apart for the common colour-vision
 * deficiencies (blue / amber / red / dark rose differ in lightness too) and to pass 3:1 against white.
 */
export const TONE_COLOURS: Readonly<Record<Tone, string>> = {
  info: '#2563eb',
  warning: '#d97706',
  critical: '#dc2626',
  emergency: '#9f1239',
  ok: '#059669',
  none: '#94a3b8',
};

/** Light backgrounds of the same hues, for badges and areas. */
export const TONE_TINTS: Readonly<Record<Tone, string>> = {
  info: '#dbeafe',
  warning: '#fef3c7',
  critical: '#fee2e2',
  emergency: '#ffe4e6',
  ok: '#d1fae5',
  none: '#f1f5f9',
};

export const INK = '#0f172a';
export const MUTED = '#64748b';
export const GRID = '#e2e8f0';
