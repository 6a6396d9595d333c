/**
 * Discovery: what the vendors report that the inventory does not hold. Each entitlement an account's
 * poll lists (an Alibaba instance or resource package, a Huawei package, an Agora plan) is claimed by a
 * service on that account that names it (`entitlement`: its id or name) or matches it (`claims`: ids,
 * names or patterns with `*`). One that no service claims goes unwatched — exactly the gap an inventory
 * closes — so it raises one "not in the inventory" notice to the operators (its key names the account
 * and the entitlement, so the ledger sends it once), carrying a service entry ready to paste.
 */
import type { Alert, ChannelConfig, IsoDate, ServiceConfig, ServiceKind, Vendor } from '../model';
import { routeToChannels } from '../reminders/channel-routing';
import type { Entitlement } from '../vendor-port';

/** The entitlements one account's last successful poll reported. */
export interface ReportedEntitlements {
  readonly accountId: string;
  readonly vendor: Vendor;
  readonly entitlements: readonly Entitlement[];
}

/** An entitlement no service claims, with its notice key and the service entry that would claim it. */
export interface UnclaimedEntitlement {
  readonly accountId: string;
  readonly vendor: Vendor;
  readonly entitlement: Entitlement;
  readonly key: string;
  /** A `services[]` entry, valid as it stands once its owners and project are confirmed. */
  readonly entry: Readonly<Record<string, unknown>>;
}

export const NOT_IN_INVENTORY = 'not-in-inventory';

/** Whether `pattern` (`*` stands for any run of characters, everything else for itself) matches `text` whole. */
export function claimPatternMatches(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const parts = pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's').test(text);
}

/** Whether `service` claims the entitlement `e` its account `accountId` reported. */
export function claimsEntitlement(service: ServiceConfig, accountId: string, e: Entitlement): boolean {
  if (service.account !== accountId) return false;
  if (service.entitlement !== undefined && (service.entitlement === e.id || service.entitlement === e.name)) {
    return true;
  }
  return (service.claims ?? []).some((p) => claimPatternMatches(p, e.id) || claimPatternMatches(p, e.name));
}

/** Every reported entitlement no service claims, in account then vendor order, each once. */
export function unclaimedEntitlements(
  services: readonly ServiceConfig[],
  reported: readonly ReportedEntitlements[],
): UnclaimedEntitlement[] {
  const takenIds = new Set(services.map((s) => s.id));
  const found: UnclaimedEntitlement[] = [];
  for (const account of reported) {
    const linked = services.filter((s) => s.account === account.accountId);
    const seen = new Set<string>();
    for (const e of account.entitlements) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      if (linked.some((s) => claimsEntitlement(s, account.accountId, e))) continue;
      const entry = suggestedEntry(account.accountId, e, linked, takenIds);
      takenIds.add(entry.id as string);
      found.push({
        accountId: account.accountId,
        vendor: account.vendor,
        entitlement: e,
        key: notInInventoryKey(account.accountId, e.id),
        entry,
      });
    }
  }
  return found;
}

/** `alibaba-main:not-in-inventory:rtc-cn-0abc`: an id that is not key-safe is folded and hashed, stably. */
export function notInInventoryKey(accountId: string, entitlementId: string): string {
  const safe = /^[A-Za-z0-9._+-]{1,120}$/.test(entitlementId)
    ? entitlementId
    : `${entitlementId.replace(/[^A-Za-z0-9._+-]+/g, '-').slice(0, 100) || 'x'}.${shortHash(entitlementId)}`;
  return `${accountId}:${NOT_IN_INVENTORY}:${safe}`;
}

/**
 * The operators' notice: a warning to every channel that takes warnings, on the day it is found (the
 * calendar's hold for planning notices applies as for any unforeseeable warning).
 */
export function notInInventoryAlert(
  found: UnclaimedEntitlement,
  today: IsoDate,
  channels: ReadonlyMap<string, ChannelConfig>,
): Alert {
  const e = found.entitlement;
  const facts = [
    e.expiresOn ? `expires on ${e.expiresOn}` : undefined,
    e.autoRenew === true ? 'renews automatically' : e.autoRenew === false ? 'does not renew automatically' : undefined,
    e.remaining !== undefined ? `${e.remaining} ${e.unit ?? ''} left`.replace(/ +left$/, ' left') : undefined,
  ].filter((f): f is string => f !== undefined);
  return {
    key: found.key,
    kind: NOT_IN_INVENTORY,
    severity: 'warning',
    accountId: found.accountId,
    date: today,
    ...(e.expiresOn !== undefined && { expiresOn: e.expiresOn }),
    owners: [],
    channels: routeToChannels([...channels.keys()], 'warning', channels),
    message:
      `Not in the inventory: ${found.vendor} account ${found.accountId} reports "${e.name}" (${e.id})` +
      `${facts.length > 0 ? `, which ${facts.join(', ')}` : ''}, and no service claims it, so nothing watches it. ` +
      `Add it to services (confirm owners and project): ${flowEntry(found.entry)} — or, if a service already ` +
      `covers it, add claims: ["${e.id}"] to that service.`,
  };
}

function suggestedEntry(
  accountId: string,
  e: Entitlement,
  linked: readonly ServiceConfig[],
  taken: ReadonlySet<string>,
): Record<string, unknown> {
  const base = slug(e.id) || slug(e.name) || `${accountId}-entitlement`;
  let id = base.slice(0, 64);
  for (let n = 2; taken.has(id); n += 1) id = `${base.slice(0, 60)}-${n}`;
  const projects = [...new Set(linked.map((s) => s.project))];
  const owners = [...new Set(linked.flatMap((s) => s.owners))];
  const kind: ServiceKind =
    e.expiresOn === undefined ? 'postpaid' : e.remaining !== undefined ? 'package' : 'subscription';
  return {
    id,
    name: e.name,
    project: projects.length === 1 ? projects[0] : accountId,
    account: accountId,
    kind,
    ...(e.expiresOn !== undefined && { expiresOn: e.expiresOn }),
    ...(e.autoRenew === true && { autoRenew: true }),
    owners: owners.length > 0 ? owners : ['owner@example.com'],
    entitlement: e.id,
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** One line of YAML flow style: `- { id: x, name: "Y", owners: [a@b.c] }`, strings JSON-quoted where needed. */
function flowEntry(entry: Readonly<Record<string, unknown>>): string {
  const scalar = (v: unknown): string =>
    typeof v === 'string' &&
    /^[A-Za-z0-9@._/-]+$/.test(v) &&
    !/^\d/.test(v) &&
    !['true', 'false', 'null', 'yes', 'no'].includes(v)
      ? v
      : JSON.stringify(v);
  const value = (v: unknown): string => (Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : scalar(v));
  return `- { ${Object.entries(entry)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(', ')} }`;
}

/** A short stable digest for keys: a polynomial hash modulo a prime below 2^32, in hex (the core imports no crypto). */
function shortHash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (h * 131 + text.charCodeAt(i)) % 4_294_967_291;
  return h.toString(16).padStart(8, '0');
}
