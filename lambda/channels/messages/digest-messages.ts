import type { AccountStatus, ServiceStatus } from '../../core/policy/digest';
import type { DigestSummary, DigestSummaryAccount, DigestSummaryService } from '../../core/policy/digest-summary';
import { digestTotals } from '../../core/policy/digest-text';
import { formatAmount } from '../../core/policy/format';

/**
 * Every word of the digest, per language. Functions that show a name, project, id or vendor error
 * receive it already made safe for the platform (see text/escape); the rest of a summary is numbers,
 * dates and enums.
 */
export interface DigestMessages {
  readonly totals: (totals: DigestSummary['totals']) => string;
  /** Marks one message of a digest split across several: `(2/3)`. */
  readonly part: (index: number, count: number) => string;
  readonly status: Readonly<Record<ServiceStatus, string>>;
  readonly accountStatus: Readonly<Record<AccountStatus, string>>;
  readonly project: (
    project: string,
    counts: Readonly<Record<ServiceStatus, number>>,
    unacknowledged: number,
  ) => string;
  readonly service: (s: DigestSummaryService, name: string, id: string) => string;
  readonly moreServices: (n: number) => string;
  readonly projectsOmitted: (n: number) => string;
  readonly accountsHeading: string;
  readonly account: (a: DigestSummaryAccount, id: string, error: string | undefined) => string;
  readonly accountsOmitted: (n: number) => string;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const sum = (counts: Readonly<Record<ServiceStatus, number>>): number =>
  Object.values(counts).reduce((a, b) => a + b, 0);

const EN_STATUS: Record<ServiceStatus, string> = {
  expired: 'expired',
  critical: 'within 7 days',
  'due-soon': 'due soon',
  ok: 'ok',
  undated: 'without a date',
};

export const EN_DIGEST: DigestMessages = {
  // the core's own English words, which the CLI prints too
  totals: digestTotals,
  part: (i, n) => ` (${i}/${n})`,
  status: EN_STATUS,
  accountStatus: { failing: 'failing', low: 'low', ok: 'ok', 'no-data': 'no data yet' },
  project: (project, counts, unacknowledged) => {
    const parts = (['expired', 'critical', 'due-soon'] as const)
      .filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${EN_STATUS[s]}`);
    const unack = unacknowledged > 0 ? `; ${unacknowledged} unacknowledged` : '';
    return `Project ${project}: ${plural(sum(counts), 'service')}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${unack}`;
  },
  service: (s, name, id) => {
    const when =
      s.daysLeft === undefined || s.expiresOn === undefined
        ? 'no date'
        : s.daysLeft < 0
          ? `expired ${s.expiresOn} (${plural(-s.daysLeft, 'day')} ago)`
          : s.daysLeft === 0
            ? `expires today (${s.expiresOn})`
            : `expires ${s.expiresOn} (${plural(s.daysLeft, 'day')} left)`;
    const unack = s.unacknowledged > 0 ? `, ${s.unacknowledged} unacknowledged` : '';
    // the days say the status (expired, within 7 days...); the project line counts them
    return `- ${name} (${id}): ${when}${unack}`;
  },
  moreServices: (n) => `- and ${n} more in the full report`,
  projectsOmitted: (n) => `${plural(n, 'more project')} in the full report.`,
  accountsHeading: 'Accounts',
  account: (a, id, error) => {
    const parts = [`- ${id} (${a.vendor}): ${EN_DIGEST.accountStatus[a.status]}`];
    if (a.balance) parts.push(`${formatAmount(a.balance.amount)} ${a.balance.currency}`);
    if (a.runwayDays !== undefined) parts.push(`runway ${plural(a.runwayDays, 'day')}`);
    if (error !== undefined) parts.push(`last error: ${error}`);
    if (a.unacknowledged > 0) parts.push(`${a.unacknowledged} unacknowledged`);
    return parts.join(', ');
  },
  accountsOmitted: (n) => `${plural(n, 'more account')} in the full report.`,
};

const ZH_STATUS: Record<ServiceStatus, string> = {
  expired: '已过期',
  critical: '7 天内到期',
  'due-soon': '即将到期',
  ok: '正常',
  undated: '无到期日',
};

export const ZH_CN_DIGEST: DigestMessages = {
  totals: (t) =>
    `${t.projects} 个项目共 ${t.services} 项服务：已过期 ${t.byStatus.expired}，7 天内到期 ${t.byStatus.critical}，` +
    `即将到期 ${t.byStatus['due-soon']}，正常 ${t.byStatus.ok}，无到期日 ${t.byStatus.undated}。` +
    `未确认告警 ${t.unacknowledged} 条。账号：余额不足 ${t.accountsLow}，无法读取 ${t.accountsFailing}。` +
    `待确认负责人：${t.contactsToConfirm}。`,
  part: (i, n) => `（${i}/${n}）`,
  status: ZH_STATUS,
  accountStatus: { failing: '无法读取', low: '余额不足', ok: '正常', 'no-data': '暂无数据' },
  project: (project, counts, unacknowledged) => {
    const parts = (['expired', 'critical', 'due-soon'] as const)
      .filter((s) => counts[s] > 0)
      .map((s) => `${ZH_STATUS[s]} ${counts[s]}`);
    const unack = unacknowledged > 0 ? `；未确认告警 ${unacknowledged} 条` : '';
    return `项目 ${project}：共 ${sum(counts)} 项服务${parts.length > 0 ? `（${parts.join('，')}）` : ''}${unack}`;
  },
  service: (s, name, id) => {
    const when =
      s.daysLeft === undefined || s.expiresOn === undefined
        ? '无到期日'
        : s.daysLeft < 0
          ? `已于 ${s.expiresOn} 过期（${-s.daysLeft} 天前）`
          : s.daysLeft === 0
            ? `今天到期（${s.expiresOn}）`
            : `${s.expiresOn} 到期（剩余 ${s.daysLeft} 天）`;
    const unack = s.unacknowledged > 0 ? `，未确认告警 ${s.unacknowledged} 条` : '';
    return `- ${name}（${id}）：${when}${unack}`;
  },
  moreServices: (n) => `- 其余 ${n} 项见完整报告`,
  projectsOmitted: (n) => `其余 ${n} 个项目见完整报告。`,
  accountsHeading: '账号',
  account: (a, id, error) => {
    const parts = [`- ${id}（${a.vendor}）：${ZH_CN_DIGEST.accountStatus[a.status]}`];
    if (a.balance) parts.push(`余额 ${formatAmount(a.balance.amount)} ${a.balance.currency}`);
    if (a.runwayDays !== undefined) parts.push(`可用 ${a.runwayDays} 天`);
    if (error !== undefined) parts.push(`最近错误：${error}`);
    if (a.unacknowledged > 0) parts.push(`未确认告警 ${a.unacknowledged} 条`);
    return parts.join('，');
  },
  accountsOmitted: (n) => `其余 ${n} 个账号见完整报告。`,
};
