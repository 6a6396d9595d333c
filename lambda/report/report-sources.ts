/**
 * What the report reads from a registry, shared by `renewal-guard report` (the embedded store) and the
 * links function's `/report` page (DynamoDB): the services to show and what is known of each account.
 */
import type { AccountFacts } from './report-data';
import type { AccountState } from '../core/accounts/account-state';
import type { GuardConfig, ServiceConfig } from '../core/model';
import { withPolledExpiries } from '../core/policy/renewal-confirmation';
import type { Registry } from '../core/registry-port';

export interface ReportSources {
  /** The declared services, then any other the registry still holds active. */
  readonly services: ServiceConfig[];
  /** By account id. */
  readonly accountFacts: Map<string, AccountFacts>;
}

/**
 * The declared services, then any other the registry still holds active (the config's entries win: it is
 * what the next cycle syncs, and a service the config no longer declares stays visible until that cycle
 * retires it), and what the registry remembers of each account. Two reads, side by side. A service that
 * follows its vendor entitlement shows the expiry the last poll saw, as the cycle reminds about it.
 */
export async function readReportSources(
  config: Pick<GuardConfig, 'services'>,
  registry: Pick<Registry, 'listServices' | 'listAccountStates'>,
): Promise<ReportSources> {
  const declared = new Set(config.services.map((s) => s.id));
  const [records, states] = await Promise.all([registry.listServices(), registry.listAccountStates()]);
  return {
    services: withPolledExpiries(
      [...config.services, ...records.map((r) => r.service).filter((s) => !declared.has(s.id))],
      states,
    ),
    accountFacts: new Map(states.map((state) => [state.accountId, accountFactsFromState(state)])),
  };
}

/** The state (figures and the runway chart's daily balances), and a failing streak as the current status. */
export function accountFactsFromState(state: AccountState): AccountFacts {
  return {
    state,
    ...(state.consecutiveFailures > 0
      ? {
          current: {
            status: 'failed' as const,
            ...(state.lastError ? { error: state.lastError } : {}),
            ...(state.failingSince ? { asOf: state.failingSince } : {}),
          },
        }
      : {}),
  };
}
