/**
 * Decides which service items a sync must write, from the stored hashes alone, so that a deploy that
 * changes nothing costs only the Query that read them.
 */
import { configHash } from './registry-items';
import type { ServiceConfig } from '../../core/model';

/** What the sync reads of each stored service item (a projection: no config maps). */
export interface StoredServiceState {
  readonly id: string;
  readonly configHash?: string;
  readonly retired: boolean;
}

export interface ServiceWrite {
  readonly service: ServiceConfig;
  readonly configHash: string;
}

export interface SyncPlan {
  readonly add: readonly ServiceWrite[];
  readonly update: readonly ServiceWrite[];
  /** Retired services declared again: rewritten (with their current config) and un-retired. */
  readonly restore: readonly ServiceWrite[];
  readonly retire: readonly string[];
  /** Declared services whose stored item is already current. */
  readonly unchanged: number;
}

export function planSync(declared: readonly ServiceConfig[], stored: readonly StoredServiceState[]): SyncPlan {
  const seen = new Set<string>();
  for (const service of declared) {
    if (seen.has(service.id)) throw new TypeError(`syncDeclaredServices: service id "${service.id}" is declared twice`);
    seen.add(service.id);
  }

  const storedById = new Map(stored.map((state) => [state.id, state]));
  const add: ServiceWrite[] = [];
  const update: ServiceWrite[] = [];
  const restore: ServiceWrite[] = [];
  let unchanged = 0;

  for (const service of declared) {
    const write = { service, configHash: configHash(service) };
    const current = storedById.get(service.id);
    if (current === undefined) add.push(write);
    else if (current.retired) restore.push(write);
    else if (current.configHash !== write.configHash) update.push(write);
    else unchanged++;
  }

  const retire = stored.filter((state) => !state.retired && !seen.has(state.id)).map((state) => state.id);
  const byId = (a: ServiceWrite, b: ServiceWrite) => compare(a.service.id, b.service.id);
  return {
    add: add.sort(byId),
    update: update.sort(byId),
    restore: restore.sort(byId),
    retire: retire.sort(compare),
    unchanged,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
