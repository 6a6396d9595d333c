import { acknowledgementFromClaims, acknowledgementHolds } from '../../../lambda/core/ack';

const NOW = new Date('2026-09-30T01:30:00Z');
const KEY = 'live-rtc:expiry:2026-10-09:7';
const EXPIRES = new Date('2026-10-10T00:00:00Z');

describe('acknowledgements from links', () => {
  it('records a link acknowledgement as by "link", with no end', () => {
    expect(acknowledgementFromClaims({ key: KEY, expiresAt: EXPIRES, action: 'ack' }, NOW)).toEqual({
      key: KEY,
      by: 'link',
      at: '2026-09-30T01:30:00.000Z',
    });
  });

  it('ends a snooze its number of days after the click', () => {
    expect(
      acknowledgementFromClaims({ key: KEY, expiresAt: EXPIRES, action: 'snooze', snoozeDays: 3 }, NOW, 'alice'),
    ).toEqual({ key: KEY, by: 'alice', at: '2026-09-30T01:30:00.000Z', until: '2026-10-03T01:30:00.000Z' });
  });
});

describe('whether an acknowledgement holds', () => {
  it('does not hold when nothing was recorded', () => {
    expect(acknowledgementHolds(undefined, NOW)).toBe(false);
  });

  it('holds an acknowledgement for as long as its key exists', () => {
    expect(
      acknowledgementHolds({ key: KEY, by: 'alice', at: '2026-09-30T01:30:00.000Z' }, new Date('2027-01-01')),
    ).toBe(true);
  });

  it('holds a snooze until its end, and not from then on', () => {
    const snooze = { key: KEY, by: 'link', at: '2026-09-30T01:30:00.000Z', until: '2026-10-03T01:30:00.000Z' };

    expect(acknowledgementHolds(snooze, new Date('2026-10-03T01:29:59.999Z'))).toBe(true);
    expect(acknowledgementHolds(snooze, new Date('2026-10-03T01:30:00.000Z'))).toBe(false);
  });
});
