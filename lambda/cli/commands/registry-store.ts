/** The registry `registry export` reads and `registry import --apply` writes: the embedded store or a table. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Registry } from '../../core/registry-port';
import { CliError, type CliIo } from '../cli-io';
import { openEmbeddedStore } from '../embedded-store';
import { tableRegistry } from '../table-registry';
import { DEFAULT_STORE_DIR } from './check';

export interface RegistryLocation {
  readonly store?: string;
  readonly table?: string;
}

/** `store <dir>` or `table <name>`, for messages. */
export function describeLocation(options: RegistryLocation, io: CliIo): string {
  return options.table ? `table ${options.table}` : `store ${path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR)}`;
}

/** Whether there is a registry to read: a table always is; an embedded store once its folder exists. */
export function registryExists(options: RegistryLocation, io: CliIo): boolean {
  if (options.store && options.table) throw new CliError('--store and --table are alternatives; give one', 2);
  return options.table !== undefined || existsSync(path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR));
}

export async function withRegistry<T>(
  options: RegistryLocation,
  io: CliIo,
  fn: (registry: Registry) => Promise<T>,
): Promise<T> {
  if (options.store && options.table) throw new CliError('--store and --table are alternatives; give one', 2);
  if (options.table) return fn(await tableRegistry(options.table));
  const store = await openEmbeddedStore({ dir: path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR) });
  try {
    return await fn(store.registry);
  } finally {
    await store.close();
  }
}
