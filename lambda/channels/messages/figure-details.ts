/**
 * An account alert's numbers in Chinese, from its `figures`: the core writes `message` in English, so a
 * channel in another language says the same numbers in its own words instead.
 */
import type { Alert } from '../../core/model';
import { formatAmount } from '../../core/policy/format';

export function zhFigureDetails(alert: Alert): string | undefined {
  const f = alert.figures;
  if (!f) return undefined;
  const money = (n: number) => `${formatAmount(Math.round(n * 100) / 100)}${f.currency ? ` ${f.currency}` : ''}`;
  const kind: string = alert.kind;
  if ((kind === 'balance' || kind === 'runway') && f.balance !== undefined) {
    // a recovery closes an episode: `<account>:balance:<since>:recovered`
    if (alert.key.endsWith(':recovered')) return `余额已回到阈值以上：${money(f.balance)}。`;
    const below = f.minAmount !== undefined && f.balance < f.minAmount ? `，低于最低值 ${money(f.minAmount)}` : '';
    const runway =
      f.runwayDays === undefined
        ? ''
        : `；按当前消费约可用 ${f.runwayDays} 天` +
          (f.minRunwayDays !== undefined && f.runwayDays < f.minRunwayDays ? `，少于 ${f.minRunwayDays} 天` : '') +
          (f.workingDaysToAct !== undefined && f.lastDayToAct !== undefined
            ? `；用完前只剩 ${f.workingDaysToAct} 个工作日可充值（最晚 ${f.lastDayToAct}）`
            : '');
    return `余额 ${money(f.balance)}${below}${runway}。`;
  }
  if (kind === 'blind-spot' && f.failures !== undefined) {
    return `连续 ${f.failures} 次无法读取该账号${f.error ? `：${f.error}` : '。'}`;
  }
  if (kind === 'spend-spike' && f.spend !== undefined && f.averageSpend !== undefined && f.averageSpend > 0) {
    const ratio = (Math.round((f.spend / f.averageSpend) * 10) / 10).toFixed(1);
    const balance = f.balance === undefined ? '' : `当前余额 ${money(f.balance)}。`;
    return `${f.spendOn ?? ''} 的消费为 ${money(f.spend)}，是近期日均 ${money(f.averageSpend)} 的 ${ratio} 倍。${balance}`;
  }
  if (kind === 'spend-growth' && f.growthPercent !== undefined && f.averageSpend !== undefined) {
    const before = f.previousMonthSpend === undefined ? '' : `，上月为 ${money(f.previousMonthSpend)}`;
    return `${f.month ?? ''} 日均消费 ${money(f.averageSpend)}${before}，环比增长 ${f.growthPercent}%。`;
  }
  return undefined;
}
