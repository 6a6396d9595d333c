/**
 * The report's "not in the inventory" section: each dated entitlement an account's last successful
 * poll reported (kept on its state, so the page needs no extra read) that no service claims.
 */
import { esc } from './html';
import type { AccountFacts } from './report-data';
import { unclaimedEntitlements, type UnclaimedEntitlement } from '../core/inventory/unclaimed-entitlements';
import type { GuardConfig, Language, ServiceConfig } from '../core/model';

export function reportUnclaimed(
  config: Pick<GuardConfig, 'accounts'>,
  services: readonly ServiceConfig[],
  facts: ReadonlyMap<string, AccountFacts> | undefined,
): UnclaimedEntitlement[] {
  const reported = config.accounts.flatMap((account) => {
    const known = facts?.get(account.id)?.state?.entitlements;
    return known && known.length > 0 ? [{ accountId: account.id, vendor: account.vendor, entitlements: known }] : [];
  });
  return unclaimedEntitlements(services, reported);
}

const TEXT = {
  en: {
    heading: 'Not in the inventory',
    explain:
      'Reported by a vendor, claimed by no service: nothing watches them. Add each to services, or claim it from ' +
      'the service that covers it (claims: [id or pattern]).',
    columns: ['Account', 'Entitlement', 'Id', 'Expires on'],
  },
  'zh-CN': {
    heading: '未纳入清单',
    explain: '供应商报告、但没有任何服务认领的资源：无人监控。请将其加入 services，或在覆盖它的服务中用 claims 认领。',
    columns: ['账号', '资源', 'ID', '到期日'],
  },
} as const;

/** The section's HTML, or nothing when every reported entitlement is claimed. */
export function discoverySection(found: readonly UnclaimedEntitlement[] | undefined, language?: Language): string {
  if (!found || found.length === 0) return '';
  const t = TEXT[language ?? 'en'];
  const rows = found
    .map(
      (u) =>
        `<tr><td>${esc(u.accountId)}</td><td>${esc(u.entitlement.name)}</td><td>${esc(u.entitlement.id)}</td>` +
        `<td>${esc(u.entitlement.expiresOn ?? '-')}</td></tr>`,
    )
    .join('');
  return (
    `<section id="not-in-inventory"><div class="section-head"><h2>${esc(t.heading)}</h2>` +
    `<p class="muted">${esc(t.explain)}</p></div>` +
    `<table><thead><tr>${t.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`
  );
}
