import { addDays, compareDates } from '../../core/dates';
import type { AccountConfig, IsoDate } from '../../core/model';
import { readMinutePrices, type MinutePrices } from '../http/minute-prices';
import { OptionReader } from '../http/option-reader';

export const AGORA_BUSINESSES = ['default', 'transcodeDuration', 'recording', 'cloudRecording', 'miniapp'] as const;
export type AgoraBusiness = (typeof AGORA_BUSINESSES)[number];

/** Agora's RTC prepaid plan tiers (docs: subscription packages); Free has nothing to renew. */
export const AGORA_PLANS = ['starter', 'pro', 'business', 'business-plus', 'enterprise'] as const;
export type AgoraPlan = (typeof AGORA_PLANS)[number];

/** Agora answers usage "within one year". */
export const AGORA_USAGE_HISTORY_DAYS = 365;

/** Keyed by usage field of `/dev/v3/usage` (`durationAudioAll`, `durationVideoHd`...), per 1,000 minutes. */
export type AgoraPrices = MinutePrices;

export interface AgoraTopUp {
  readonly amount: number;
  readonly currency: string;
  readonly date: IsoDate;
}

export interface AgoraOptions {
  /** App IDs (a project's `vendor_key`) to read; undefined: every enabled project. */
  readonly appIds?: readonly string[];
  readonly business: readonly AgoraBusiness[];
  readonly usageDays: number;
  readonly prices?: AgoraPrices;
  readonly topUp?: AgoraTopUp;
  readonly plan?: AgoraPlan;
}

const KNOWN = ['appIds', 'business', 'usageDays', 'prices', 'topUp', 'plan'];

/**
 * The Agora account's options, all problems reported at once. `today` (UTC) bounds the top-up date:
 * not in the future, and within the year of usage Agora answers.
 */
export function readAgoraOptions(account: AccountConfig, today: IsoDate): AgoraOptions {
  const r = new OptionReader(account, KNOWN);
  const appIds = r.get('appIds') === undefined ? undefined : r.textList(r.get('appIds'), 'appIds');
  const businessValue = r.get('business');
  const business =
    businessValue === undefined
      ? ['default' as const]
      : Array.isArray(businessValue) && businessValue.length > 0
        ? businessValue.map((b, i) => r.oneOf(b, `business[${i}]`, AGORA_BUSINESSES))
        : [r.problem('business', 'expected a non-empty list of Agora business values')];
  const usageDays =
    r.get('usageDays') === undefined ? 30 : r.integer(r.get('usageDays'), 'usageDays', 1, AGORA_USAGE_HISTORY_DAYS);
  const prices =
    r.get('prices') === undefined
      ? undefined
      : readMinutePrices(r, r.get('prices'), { emptyTable: 'expected at least one usage field' });
  const topUp = r.get('topUp') === undefined ? undefined : readTopUp(r, r.get('topUp'), today);
  const plan = r.get('plan') === undefined ? undefined : r.oneOf(r.get('plan'), 'plan', AGORA_PLANS);

  if (topUp && r.get('prices') === undefined) {
    r.problem('topUp', 'an estimated balance needs prices (prices.currency and prices.perThousandMinutes)');
  }
  if (topUp && prices && topUp.currency !== prices.currency) {
    r.problem('topUp.currency', `must match prices.currency (${prices.currency}), got ${topUp.currency}`);
  }
  r.finish();
  return {
    ...(appIds && { appIds }),
    business: business as AgoraBusiness[],
    usageDays: usageDays as number,
    ...(prices && { prices }),
    ...(topUp && { topUp }),
    ...(plan && { plan }),
  };
}

function readTopUp(r: OptionReader, value: unknown, today: IsoDate): AgoraTopUp | undefined {
  const map = r.mapping(value, 'topUp');
  if (!map) return undefined;
  for (const key of Object.keys(map)) {
    if (!['amount', 'currency', 'date'].includes(key)) {
      r.problem(`topUp.${key}`, 'unknown; expected amount, currency and date');
    }
  }
  const amount = r.number(map.amount, 'topUp.amount', 0);
  const currency = r.currency(map.currency, 'topUp.currency');
  const date = r.date(map.date, 'topUp.date');
  if (date && compareDates(date, today) > 0) r.problem('topUp.date', `${date} is after today (${today})`);
  const oldest = addDays(today, -AGORA_USAGE_HISTORY_DAYS);
  if (date && compareDates(date, oldest) < 0) {
    r.problem(
      'topUp.date',
      `${date} is more than a year ago; Agora answers usage within one year, so declare a newer top-up`,
    );
  }
  return amount !== undefined && currency && date ? { amount, currency, date } : undefined;
}
