/**
 * The foreseeable rules other issues added obey the calendar as the expiry tiers do (issue #13, point 1):
 * a payment method's risk, a contract's decision date and a package's quantity runway, each with a
 * critical step due during National Day 2026, come on 09-30, the last working day before it, and nothing
 * of theirs is first said from 10-01 to 10-07. Daily cycles at 09:30 with a ledger: each key once.
 */
import { CHANNELS, CN, service } from './fixtures';
import { addDays } from '../../../lambda/core/dates';
import type { Alert, IsoDate } from '../../../lambda/core/model';
import { paymentMethodRisks } from '../../../lambda/core/policy/payment-method-risk';
import { dueExpiryReminder } from '../../../lambda/core/reminders';
import { dueQuantityReminder, quantityRunway } from '../../../lambda/core/reminders/quantity-runway';

/** Each key on the first day a cycle owes it, from 09-01 to 10-12. */
function firstDays(owed: (today: IsoDate) => readonly Alert[]): Array<[IsoDate, string, string]> {
  const seen = new Set<string>();
  const fired: Array<[IsoDate, string, string]> = [];
  for (let day = '2026-09-01'; day <= '2026-10-12'; day = addDays(day, 1)) {
    for (const alert of owed(day)) {
      if (seen.has(alert.key)) continue;
      seen.add(alert.key);
      fired.push([day, alert.key, alert.severity]);
    }
  }
  return fired;
}

const inNationalDay = ([day]: [IsoDate, string, string]) => day >= '2026-10-01' && day <= '2026-10-07';

describe('foreseeable rules around National Day 2026', () => {
  it('raises a payment method’s critical risk on 09-30 when it turns critical on 10-01, a holiday', () => {
    // Prepare: the card stops working 10-08; the service it pays renews on its own 11-15
    const paid = service({ id: 'cdn', expiresOn: '2026-11-15', autoRenew: true, channels: ['ops', 'phone'] });
    const card = service({
      id: 'corp-card',
      name: 'Corporate card',
      kind: 'payment-method',
      expiresOn: '2026-10-08',
      paysFor: ['cdn'],
      channels: ['ops', 'phone'],
    });

    // Act
    const fired = firstDays((today) => paymentMethodRisks([paid, card], { today, calendar: CN, channels: CHANNELS }));

    // Assess: critical within 7 days of 10-08, i.e. from 10-01: said on 09-30
    expect(fired.filter(([, , severity]) => severity === 'critical')).toEqual([
      ['2026-09-30', 'cdn:auto-renew-risk:2026-11-15:corp-card:2026-10-08:critical', 'critical'],
    ]);
    expect(fired.filter(inNationalDay)).toEqual([]);
  });

  it('reminds of a contract decided by 10-03, a holiday, with its emergency on 09-30, the last working day before', () => {
    // Prepare: expires 11-02 with 30 days of notice: decided by Saturday 10-03, inside the block
    const contract = service({
      id: 'cdn-contract',
      kind: 'contract',
      expiresOn: '2026-11-02',
      noticeDays: 30,
      autoRenew: true,
      reminderDays: [30, 7, 1],
      channels: ['ops', 'phone'],
    });

    // Act
    const fired = firstDays((today) => {
      const due = dueExpiryReminder(contract, today, { calendar: CN, channels: CHANNELS });
      return due ? [due] : [];
    });

    // Assess
    expect(fired.filter(([, key]) => key.includes(':contract-decision:'))).toEqual([
      ['2026-09-03', 'cdn-contract:contract-decision:2026-10-03:30', 'info'],
      // 7 days before is Saturday 09-26, inside Mid-Autumn (09-25..27): the Thursday before
      ['2026-09-24', 'cdn-contract:contract-decision:2026-10-03:7', 'critical'],
      // 1 day before is 10-02, National Day: the last working day before it says "decide by 10-03"
      ['2026-09-30', 'cdn-contract:contract-decision:2026-10-03:1', 'emergency'],
      // the decision day itself, like an expiry's tier 0, is never moved: "decide today" on 09-30 would be false
      ['2026-10-03', 'cdn-contract:contract-decision:2026-10-03:0', 'emergency'],
    ]);
    // nothing but that same-day emergency during the block
    expect(fired.filter(inNationalDay)).toEqual([
      ['2026-10-03', 'cdn-contract:contract-decision:2026-10-03:0', 'emergency'],
    ]);
  });

  it('reminds of a package that runs out of minutes on 10-09 with its critical 7-day tier on 09-30', () => {
    // Prepare: 1,000 minutes a day from 27,000 on 09-12: out on 10-09, long before the package's date
    const pkg = service({
      id: 'rtc-minutes',
      kind: 'package',
      expiresOn: '2027-06-30',
      entitlement: 'pkg-1',
      reminderDays: [30, 7, 1],
      channels: ['ops', 'phone'],
    });
    const remainingOn = (day: IsoDate) =>
      27_000 - 1_000 * Math.round((Date.parse(day) - Date.parse('2026-09-12')) / 864e5);

    // Act: each cycle reads the last three days
    const fired = firstDays((today) => {
      const points = [-2, -1, 0].map((d) => addDays(today, d)).map((date) => ({ date, remaining: remainingOn(date) }));
      const due = dueQuantityReminder(pkg, quantityRunway(points, today), today, { calendar: CN, channels: CHANNELS });
      return due ? [due] : [];
    });

    // Assess: 7 days before 10-09 is 10-02, National Day: the 7-day tier comes on 09-30
    expect(fired).toEqual([
      ['2026-09-09', 'rtc-minutes:quantity-runway:2027-06-30:30', 'info'],
      ['2026-09-30', 'rtc-minutes:quantity-runway:2027-06-30:7', 'critical'],
      ['2026-10-08', 'rtc-minutes:quantity-runway:2027-06-30:1', 'emergency'],
      ['2026-10-09', 'rtc-minutes:quantity-runway:2027-06-30:0', 'emergency'],
    ]);
  });
});
