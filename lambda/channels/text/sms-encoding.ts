/**
 * How many SMS segments a text costs (3GPP TS 23.038). A text made only of GSM 7-bit characters costs
 * 160 septets in one segment, 153 per segment once split (the rest carries the concatenation header);
 * one character outside that alphabet (any Chinese character, `…`, most emoji) switches the whole text
 * to UCS-2: 70 UTF-16 units in one segment, 67 per segment once split.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: each costs two septets (escape + code). */
const GSM_EXTENDED = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCost {
  readonly encoding: SmsEncoding;
  /** Septets for GSM 7-bit, UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return 'ucs2';
  return 'gsm7';
}

export function smsCost(text: string): SmsCost {
  const encoding = smsEncoding(text);
  let units = text.length;
  if (encoding === 'gsm7') {
    units = 0;
    for (const ch of text) units += EXTENDED.has(ch) ? 2 : 1;
  }
  const single = encoding === 'gsm7' ? 160 : 70;
  const perPart = encoding === 'gsm7' ? 153 : 67;
  return { encoding, units, segments: units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / perPart) };
}
