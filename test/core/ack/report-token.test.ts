import { reportUrl, signAckToken, verifyAckToken, type AckClaims } from '../../../lambda/core/ack';
import type { Alert } from '../../../lambda/core/model';
import { REPORT_LINK_VALID_DAYS, reportLinks } from '../../../lambda/report/report-link';

const SECRET = 'test-link-signing-key-0123456789abcdef';
const NOW = new Date('2026-09-30T01:30:00Z');
const REPORT: AckClaims = {
  key: '_guard:digest:2026-09-28',
  expiresAt: new Date('2026-10-10T00:00:00Z'),
  action: 'report',
};
const ACK: AckClaims = { key: 'live-rtc:expiry:2026-10-09:7', expiresAt: REPORT.expiresAt, action: 'ack' };

// Computed independently (Python hmac/base64) from the format documented in ack-token.ts: same format, action "report".
const PINNED_REPORT =
  'eyJ2IjoxLCJrIjoiX2d1YXJkOmRpZ2VzdDoyMDI2LTA5LTI4IiwiYSI6InJlcG9ydCIsImUiOjE3OTE1OTA0MDB9' +
  '.-z-cOwW4V_X1RnmCRlRVCns4ZYQ6mIwWotrnjf02UWk';

describe('report link tokens', () => {
  it('are signed in the acknowledge links\' format, with action "report"', () => {
    expect(signAckToken(REPORT, SECRET)).toBe(PINNED_REPORT);
  });

  it('open the report only: a verifier that accepts "report" takes them, the acknowledge default refuses them', () => {
    expect(verifyAckToken(PINNED_REPORT, SECRET, NOW, ['report'])).toEqual({ ok: true, claims: REPORT });
    expect(verifyAckToken(PINNED_REPORT, SECRET, NOW)).toEqual({ ok: false, reason: 'wrong-action' });
    expect(verifyAckToken(PINNED_REPORT, SECRET, NOW, ['ack', 'snooze'])).toEqual({
      ok: false,
      reason: 'wrong-action',
    });
  });

  it('and an acknowledge or snooze token never opens the report', () => {
    const snooze = signAckToken({ ...ACK, action: 'snooze', snoozeDays: 3 }, SECRET);

    expect(verifyAckToken(signAckToken(ACK, SECRET), SECRET, NOW, ['report'])).toEqual({
      ok: false,
      reason: 'wrong-action',
    });
    expect(verifyAckToken(snooze, SECRET, NOW, ['report'])).toEqual({ ok: false, reason: 'wrong-action' });
  });

  it('expire like acknowledge links, and a bad signature is refused before the action is read', () => {
    expect(verifyAckToken(PINNED_REPORT, SECRET, new Date('2026-10-10T00:00:00Z'), ['report'])).toEqual({
      ok: false,
      reason: 'expired',
    });
    const tampered = `${PINNED_REPORT.slice(0, -1)}${PINNED_REPORT.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyAckToken(tampered, SECRET, NOW, ['report'])).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyAckToken(signAckToken(REPORT, `${SECRET}-other`), SECRET, NOW, ['report'])).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('carry no snooze days', () => {
    expect(() => signAckToken({ ...REPORT, snoozeDays: 3 }, SECRET)).toThrow(
      'cannot sign an acknowledge link: snoozeDays is only for a snooze',
    );
  });
});

describe('report URLs', () => {
  const TOKEN = 'eyJ2IjoxfQ.fWRG4L5bUkR6Xp7HSh9NGft_mRjhFgdMOJCFxxfFGLM';

  it('put the token under /report beside /ack, keeping a base path', () => {
    expect(reportUrl('https://abc123.lambda-url.ap-east-1.on.aws', TOKEN)).toBe(
      `https://abc123.lambda-url.ap-east-1.on.aws/report?t=${TOKEN}`,
    );
    expect(reportUrl('https://ops.example.com/renewal-guard/', TOKEN)).toBe(
      `https://ops.example.com/renewal-guard/report?t=${TOKEN}`,
    );
  });

  it('refuse the bases acknowledge URLs refuse', () => {
    expect(() => reportUrl('https://ops.example.com/?x=1', TOKEN)).toThrow(
      'the acknowledge base URL must not carry a query or a fragment',
    );
  });

  it('are signed for a digest, valid as long as acknowledge links (14 days from sending)', () => {
    const digest = { key: '_guard:digest:2026-09-28', kind: 'digest' } as unknown as Alert;

    const url = new URL(
      reportLinks({ baseUrl: 'https://abc123.lambda-url.ap-east-1.on.aws/', signingKey: SECRET, now: NOW })(digest),
    );

    expect(REPORT_LINK_VALID_DAYS).toBe(14);
    expect(url.pathname).toBe('/report');
    const verdict = verifyAckToken(url.searchParams.get('t')!, SECRET, NOW, ['report']);
    expect(verdict).toEqual({
      ok: true,
      claims: { key: digest.key, action: 'report', expiresAt: new Date(NOW.getTime() + 14 * 86_400_000) },
    });
  });
});
