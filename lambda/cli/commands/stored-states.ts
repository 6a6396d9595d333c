/**
 * What the read-only commands (`preview`, `calendar`) take from the embedded store `check` keeps, when
 * there is one: the accounts' states, with the expiries their last polls saw.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_STORE_DIR } from './check';
import type { AccountState } from '../../core/accounts';
import { CliError } from '../cli-io';
import { openEmbeddedStore } from '../embedded-store';

/** The store folder of `--store`: one given must exist; the default (.renewal-guard) may not, yet. */
export function readOnlyStoreDir(store: string | undefined, cwd: string): string {
  const storeDir = path.resolve(cwd, store ?? DEFAULT_STORE_DIR);
  if (store !== undefined && !existsSync(storeDir)) {
    throw new CliError(`--store: ${storeDir} does not exist (run renewal-guard check first, or leave --store out)`, 2);
  }
  return storeDir;
}

/** The account states the store keeps; none when it does not exist. */
export async function storedAccountStates(storeDir: string): Promise<AccountState[]> {
  if (!existsSync(storeDir)) return [];
  const store = await openEmbeddedStore({ dir: storeDir });
  try {
    return await store.registry.listAccountStates();
  } finally {
    await store.close();
  }
}
