import { accountAlert } from '../accounts/account-alerts';
import { addDays } from '../dates';
import type { AccountConfig, Alert, IsoDate } from '../model';
import { dependentServices, type AccountFacts, type AccountRuleContext } from './account-facts';
import { formatAmount } from './format';
import { spendThresholds } from './policy-defaults';
import { spendAlertKey } from './policy-keys';
import { spendSeriesOf, type SpendDay } from './spend-series';

/** A month's average over fewer days than this is not compared: the 62-day history covers part of one. */
export const GROWTH_MIN_DAYS_PER_MONTH = 14;

/**
 * Spend growth: the last complete month's average daily spend more than `monthlyGrowth` above the month
 * before's (a plan change, usage growth). Averages per day, so month lengths and a few missing days do
 * not distort it; each month needs 14 days of data. A trend, not an emergency: a warning, on working
 * days only, keyed by the month, so it fires once per month at most.
 */
export function spendGrowthAlert(
  account: AccountConfig,
  facts: AccountFacts,
  ctx: AccountRuleContext,
): Alert | undefined {
  if (!ctx.calendar.isWorkingDay(ctx.today)) return undefined;
  const currency = facts.balance?.currency ?? facts.currency;
  if (currency === undefined) return undefined;
  const series = spendSeriesOf(facts);
  const lastMonth = previousMonth(monthOf(ctx.today));
  const monthBefore = previousMonth(lastMonth);
  const recent = monthlyAverage(series, lastMonth);
  const earlier = monthlyAverage(series, monthBefore);
  if (recent === undefined || earlier === undefined || !(earlier > 0)) return undefined;
  // rounded so that 130 after 100 is 30% growth, not 30.000000000000004%
  const growth = Math.round((recent / earlier - 1) * 1e6) / 1e6;
  if (growth <= spendThresholds(account).monthlyGrowth) return undefined;

  const money = (n: number) => `${formatAmount(n)} ${currency}`;
  return accountAlert(
    {
      key: spendAlertKey(account.id, 'spend-growth', lastMonth),
      kind: 'spend-growth',
      severity: 'warning',
      accountId: account.id,
      date: ctx.today,
      message:
        `${account.vendor} account ${account.id}: spend grew ${Math.round(growth * 100)}% month over month — ` +
        `${lastMonth} averaged ${money(recent)} a day, ${monthBefore} ${money(earlier)}. ` +
        `Check that the plan still fits (a plan change or usage growth?).${dependentServices(ctx.audience)}`,
      figures: {
        currency,
        growthPercent: Math.round(growth * 100),
        month: lastMonth,
        averageSpend: recent,
        previousMonthSpend: earlier,
      },
    },
    ctx.audience,
    ctx.channels,
  );
}

/** `YYYY-MM` of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function previousMonth(month: string): string {
  return monthOf(addDays(`${month}-01`, -1));
}

function monthlyAverage(series: readonly SpendDay[], month: string): number | undefined {
  const days = series.filter((d) => monthOf(d.date) === month);
  if (days.length < GROWTH_MIN_DAYS_PER_MONTH) return undefined;
  return days.reduce((sum, d) => sum + d.amount, 0) / days.length;
}
