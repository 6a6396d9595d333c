import type { AgoraPlan } from './agora-options';
import { addDays } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import type { Entitlement } from '../../core/vendor-port';

const PLAN_NAMES: Readonly<Record<AgoraPlan, string>> = {
  starter: 'Starter',
  pro: 'Pro',
  business: 'Business',
  'business-plus': 'Business Plus',
  enterprise: 'Enterprise',
};

/**
 * The declared prepaid plan as an entitlement, from Agora's documented rules (no API reports it): a
 * package covers the calendar month and auto-renews on the 25th for the next month, so this month's
 * package ends on the month's last day unless that renewal succeeds.
 */
export function planEntitlement(plan: AgoraPlan, today: IsoDate): Entitlement {
  return {
    id: `prepaid-plan:${plan}`,
    name: `Agora RTC ${PLAN_NAMES[plan]} prepaid plan (auto-renews on the 25th for the next month)`,
    expiresOn: lastDayOfMonth(today),
    autoRenew: true,
  };
}

/**
 * Agora's self-serve settlement rule: on the 7th, 14th, 21st and 28th, an account more than $50 in
 * arrears is recharged from a linked card or notified, and suspended after a 24-hour grace period.
 */
export function nextArrearsCheck(today: IsoDate): IsoDate {
  const day = Number(today.slice(8, 10));
  const next = [7, 14, 21, 28].find((d) => d >= day);
  if (next !== undefined) return `${today.slice(0, 8)}${String(next).padStart(2, '0')}`;
  return `${addDays(lastDayOfMonth(today), 1).slice(0, 8)}07`;
}

function lastDayOfMonth(date: IsoDate): IsoDate {
  const firstOfNext = addDays(`${date.slice(0, 8)}28`, 4).slice(0, 8) + '01';
  return addDays(firstOfNext, -1);
}
