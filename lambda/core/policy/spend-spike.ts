import { accountAlert } from '../accounts/account-alerts';
import { runwayDays, SPEND_WINDOW_DAYS } from '../accounts/runway';
import { addDays, daysBetween } from '../dates';
import type { AccountConfig, Alert } from '../model';
import { dependentServices, type AccountFacts, type AccountRuleContext } from './account-facts';
import { formatAmount } from './format';
import { spendThresholds } from './policy-defaults';
import { spendAlertKey } from './policy-keys';
import { spendSeriesOf } from './spend-series';

/** Vendors report a day's spend a day or two late; older news is not a spike worth waking anyone for. */
export const SPIKE_FRESH_DAYS = 3;
/** A trailing average over fewer days than this is too thin to call anything a spike. */
export const SPIKE_MIN_BASELINE_DAYS = 7;

/**
 * A spend spike: the latest day's spend at least `spikeFactor` times the average of the 14 days before
 * it, and above `spikeMinAmount` (a campaign, a seasonal peak). A warning that names the day, the ratio
 * and when the balance runs out if the spike's rate holds (balance ÷ that day's spend). Keyed by the
 * day of the spike, so each spike fires once. A baseline of zero spend is no baseline: usage starting
 * from nothing is the balance rules' business.
 */
export function spendSpikeAlert(
  account: AccountConfig,
  facts: AccountFacts,
  ctx: AccountRuleContext,
): Alert | undefined {
  const currency = facts.balance?.currency ?? facts.currency;
  const series = spendSeriesOf(facts);
  const latest = series[series.length - 1];
  if (!latest || currency === undefined) return undefined;
  const age = daysBetween(latest.date, ctx.today);
  if (age < 0 || age > SPIKE_FRESH_DAYS) return undefined;

  const baseline = series.filter((d) => {
    const before = daysBetween(d.date, latest.date);
    return before >= 1 && before <= SPEND_WINDOW_DAYS;
  });
  if (baseline.length < SPIKE_MIN_BASELINE_DAYS) return undefined;
  const mean = baseline.reduce((sum, d) => sum + d.amount, 0) / baseline.length;
  const { spikeFactor, spikeMinAmount } = spendThresholds(account);
  if (!(mean > 0) || latest.amount < spikeFactor * mean || latest.amount <= spikeMinAmount) return undefined;

  const money = (n: number) => `${formatAmount(n)} ${currency}`;
  const ratio = (Math.round((latest.amount / mean) * 10) / 10).toFixed(1);
  let runOutOn: string | undefined;
  let outlook = '';
  if (facts.balance && facts.balance.currency === currency) {
    const days = runwayDays(facts.balance.amount, latest.amount) ?? 0;
    runOutOn = addDays(ctx.today, Math.floor(days));
    outlook = ` At that rate the balance of ${money(facts.balance.amount)} lasts about ${days} days, until ${runOutOn}.`;
  }
  const alert = accountAlert(
    {
      key: spendAlertKey(account.id, 'spend-spike', latest.date),
      kind: 'spend-spike',
      severity: 'warning',
      accountId: account.id,
      date: ctx.today,
      message:
        `${account.vendor} account ${account.id}: spend on ${latest.date} was ${money(latest.amount)}, ` +
        `${ratio} times the ${baseline.length}-day average of ${money(mean)} (a campaign or a seasonal peak?).` +
        `${outlook}${dependentServices(ctx.audience)}`,
      figures: {
        currency,
        spend: latest.amount,
        spendOn: latest.date,
        averageSpend: mean,
        ...(facts.balance?.currency === currency && { balance: facts.balance.amount }),
      },
    },
    ctx.audience,
    ctx.channels,
  );
  return runOutOn === undefined ? alert : { ...alert, runOutOn };
}
