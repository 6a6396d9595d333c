import { cnCtx, service } from './fixtures';
import { renewalCheckAlert, withDiscoveredExpiry } from '../../../lambda/core/policy';

const autoRenewing = service({ autoRenew: true, expiresOn: '2026-10-09' });

describe('renewal confirmation', () => {
  it('confirms a renewal recorded by hand: the registry shows a later expiry than the one reminded about', () => {
    // Act
    const alert = renewalCheckAlert({ ...autoRenewing, expiresOn: '2027-10-09' }, '2026-10-09', cnCtx('2026-10-09'));

    // Assess
    expect(alert).toMatchObject({
      key: 'live-rtc:renewal-confirmed:2026-10-09',
      kind: 'renewal-confirmed',
      severity: 'info',
      expiresOn: '2027-10-09',
      daysLeft: 365,
      message:
        'Renewal confirmed: Live app RTC (live-rtc, project live-app) now expires on 2027-10-09 (was 2026-10-09). ' +
        'Reminders for 2026-10-09 have stopped. Owners: alice@example.com.',
    });
  });

  it('confirms a renewal the vendor reports before anyone updates the registry', () => {
    // Prepare: the vendor's entitlement now runs to 2027-10-09
    const discovered = withDiscoveredExpiry(autoRenewing, '2027-10-09');

    // Act
    const alert = renewalCheckAlert(discovered, '2026-10-09', cnCtx('2026-10-09'));

    // Assess
    expect(discovered.expiresOn).toBe('2027-10-09');
    expect(alert?.kind).toBe('renewal-confirmed');
  });

  it('never lets an earlier vendor date shorten the declared expiry', () => {
    expect(withDiscoveredExpiry(autoRenewing, '2026-09-01')).toBe(autoRenewing);
    expect(withDiscoveredExpiry(service({ expiresOn: undefined }), '2026-09-01').expiresOn).toBe('2026-09-01');
  });

  it('raises an emergency when the auto-renewal date passed a day ago and the expiry has not moved', () => {
    // Act: 10-09 passes; 10-10 is a make-up Saturday, but emergencies do not wait for working days anyway
    const onTheDay = renewalCheckAlert(autoRenewing, '2026-10-09', cnCtx('2026-10-09'));
    const dayAfter = renewalCheckAlert(autoRenewing, '2026-10-09', cnCtx('2026-10-10'));

    // Assess
    expect(onTheDay).toBeUndefined();
    expect(dayAfter).toMatchObject({
      key: 'live-rtc:renewal-missed:2026-10-09',
      kind: 'renewal-missed',
      severity: 'emergency',
      daysLeft: -1,
      message:
        'Live app RTC (live-rtc, project live-app) was due to renew automatically on 2026-10-09, but 1 day later its ' +
        'expiry has not moved: neither the vendor nor the registry shows a later date. Check the payment method and ' +
        'the balance, renew it by hand if needed, then record the new expiresOn. Owners: alice@example.com.',
    });
  });

  it('waits the configured grace: 0 days reports on the day itself, 3 days three days later', () => {
    expect(renewalCheckAlert(autoRenewing, undefined, cnCtx('2026-10-09'), 0)?.kind).toBe('renewal-missed');
    expect(renewalCheckAlert(autoRenewing, undefined, cnCtx('2026-10-11'), 3)).toBeUndefined();
    expect(renewalCheckAlert(autoRenewing, undefined, cnCtx('2026-10-12'), 3)?.kind).toBe('renewal-missed');
  });

  it('keeps the same key every day after, so it fires once and repeats only through the escalation ladder', () => {
    const keys = ['2026-10-10', '2026-10-11', '2026-10-20'].map(
      (d) => renewalCheckAlert(autoRenewing, '2026-10-09', cnCtx(d))?.key,
    );
    expect(new Set(keys)).toEqual(new Set(['live-rtc:renewal-missed:2026-10-09']));
  });

  it('expects nothing of a service without auto-renewal: its expiry reminders cover it', () => {
    expect(renewalCheckAlert(service({ expiresOn: '2026-10-09' }), '2026-10-09', cnCtx('2026-10-12'))).toBeUndefined();
  });
});
