import { createHmac } from 'crypto';
import * as fc from 'fast-check';
import { signAckToken, verifyAckToken, type AckClaims } from '../../../lambda/core/ack';

const SECRET = 'test-link-signing-key-0123456789abcdef';
const NOW = new Date('2026-09-30T01:30:00Z');
const CLAIMS: AckClaims = {
  key: 'live-rtc:expiry:2026-10-09:7',
  expiresAt: new Date('2026-10-10T00:00:00Z'),
  action: 'ack',
};

// Computed independently (Python hmac/base64) from the format documented in ack-token.ts.
const PINNED_ACK =
  'eyJ2IjoxLCJrIjoibGl2ZS1ydGM6ZXhwaXJ5OjIwMjYtMTAtMDk6NyIsImEiOiJhY2siLCJlIjoxNzkxNTkwNDAwfQ' +
  '.fWRG4L5bUkR6Xp7HSh9NGft_mRjhFgdMOJCFxxfFGLM';

function flipLast(text: string): string {
  const last = text[text.length - 1];
  return text.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

describe('signing acknowledge links', () => {
  it('produces the pinned token for the pinned claims and key', () => {
    expect(signAckToken(CLAIMS, SECRET)).toBe(PINNED_ACK);
  });

  it('encodes the claims as canonical JSON, in a fixed field order whatever the object order', () => {
    const reordered = { action: 'snooze', snoozeDays: 3, expiresAt: CLAIMS.expiresAt, key: CLAIMS.key } as const;

    const token = signAckToken(reordered, SECRET);

    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')).toBe(
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"snooze","e":1791590400,"s":3}',
    );
  });

  it('refuses a signing key shorter than 32 characters without quoting it', () => {
    expect(() => signAckToken(CLAIMS, 'short-secret')).toThrow('the link signing key must be at least 32 characters');
    expect(() => verifyAckToken(PINNED_ACK, 'short-secret', NOW)).toThrow(
      'the link signing key must be at least 32 characters',
    );
  });

  it('refuses claims no link should carry, naming every problem', () => {
    const bad = { key: '', expiresAt: new Date(NaN), action: 'snooze', snoozeDays: 91 } as const;

    expect(() => signAckToken(bad, SECRET)).toThrow(
      'cannot sign an acknowledge link: key must be 1 to 512 characters without control characters; ' +
        'expiresAt is not a valid Date; a snooze needs snoozeDays, a whole number from 1 to 90',
    );
    expect(() => signAckToken({ ...CLAIMS, snoozeDays: 2 }, SECRET)).toThrow(
      'cannot sign an acknowledge link: snoozeDays is only for a snooze',
    );
  });
});

describe('verifying acknowledge links', () => {
  it('accepts the pinned token and returns its claims', () => {
    expect(verifyAckToken(PINNED_ACK, SECRET, NOW)).toEqual({ ok: true, claims: CLAIMS });
  });

  it('returns the snooze days of a snooze link', () => {
    const token = signAckToken({ ...CLAIMS, action: 'snooze', snoozeDays: 3 }, SECRET);

    expect(verifyAckToken(token, SECRET, NOW)).toEqual({
      ok: true,
      claims: { ...CLAIMS, action: 'snooze', snoozeDays: 3 },
    });
  });

  it('says "expired" from the expiry instant on, and not a second before', () => {
    expect(verifyAckToken(PINNED_ACK, SECRET, new Date('2026-10-09T23:59:59.999Z')).ok).toBe(true);
    expect(verifyAckToken(PINNED_ACK, SECRET, new Date('2026-10-10T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('says "bad-signature" for a token signed with another key', () => {
    const other = signAckToken(CLAIMS, 'another-link-signing-key-0123456789abcdef');

    expect(verifyAckToken(other, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('says "bad-signature" when the claims were changed: another key, a later expiry, a snooze', () => {
    const [, sig] = PINNED_ACK.split('.');
    const forged = [
      '{"v":1,"k":"voice-room:expiry:2026-10-20:7","a":"ack","e":1791590400}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"ack","e":1891590400}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"snooze","e":1791590400,"s":90}',
    ].map((json) => `${Buffer.from(json).toString('base64url')}.${sig}`);

    expect(forged.map((t) => verifyAckToken(t, SECRET, NOW))).toEqual(
      forged.map(() => ({ ok: false, reason: 'bad-signature' })),
    );
  });

  it('says "bad-signature" for a changed signature, including another spelling of the same bits', () => {
    // the 43rd character carries 4 meaningful bits and 2 padding bits: 'M' (001100) vs 'N' (001101)
    const samebits = PINNED_ACK.slice(0, -1) + 'N';

    expect(verifyAckToken(flipLast(PINNED_ACK), SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyAckToken(samebits, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['an empty string', ''],
    ['no dot', PINNED_ACK.replace('.', '')],
    ['three parts', `${PINNED_ACK}.x`],
    ['a short signature', PINNED_ACK.slice(0, -1)],
    ['padding', `${PINNED_ACK.split('.')[0]}=.${PINNED_ACK.split('.')[1]}`],
    ['standard base64 characters', PINNED_ACK.replace(/_/g, '/')],
    ['a huge token', `${'a'.repeat(2000)}.${PINNED_ACK.split('.')[1]}`],
    ['not a string', 42 as unknown as string],
  ])('says "malformed" for %s', (_what, token) => {
    expect(verifyAckToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('says "malformed" for correctly signed payloads that are not v1 claims', () => {
    // signed the way signAckToken signs, so verification reaches the claim checks
    const hmacSigned = (json: string) => {
      const payload = Buffer.from(json).toString('base64url');
      return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
    };
    const payloads = [
      'not json',
      '[1,2]',
      '{"v":2,"k":"live-rtc:expiry:2026-10-09:7","a":"ack","e":1791590400}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"delete","e":1791590400}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"ack","e":"tomorrow"}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"ack","e":1791590400,"s":3}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"snooze","e":1791590400}',
      '{"v":1,"k":"live-rtc:expiry:2026-10-09:7","a":"ack","e":1791590400,"admin":true}',
    ];

    expect(payloads.map((p) => verifyAckToken(hmacSigned(p), SECRET, NOW))).toEqual(
      payloads.map(() => ({ ok: false, reason: 'malformed' })),
    );
  });

  it('round-trips any claims: what is signed is what verifies, before it expires and only then', () => {
    const claims = fc.record({
      key: fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }).filter((k) => !/[\u0000-\u001f\u007f]/.test(k)),
      expiresAt: fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => new Date(s * 1000)),
      snoozeDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(claims, fc.integer({ min: -86_400_000, max: 86_400_000 }), (c, offsetMs) => {
        const signed: AckClaims =
          c.snoozeDays === undefined
            ? { key: c.key, expiresAt: c.expiresAt, action: 'ack' }
            : { key: c.key, expiresAt: c.expiresAt, action: 'snooze', snoozeDays: c.snoozeDays };
        const now = new Date(c.expiresAt.getTime() + offsetMs);

        const verdict = verifyAckToken(signAckToken(signed, SECRET), SECRET, now);

        expect(verdict).toEqual(offsetMs < 0 ? { ok: true, claims: signed } : { ok: false, reason: 'expired' });
      }),
    );
  });

  it('never puts the token, the key or the secret in a verdict', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (token) => {
        const verdict = verifyAckToken(token, SECRET, NOW);
        const text = JSON.stringify(verdict);
        expect(text).not.toContain(SECRET);
        if (!verdict.ok) expect(Object.keys(verdict).sort()).toEqual(['ok', 'reason']);
      }),
    );
  });
});
