/**
 * How configuration reaches the handlers: environment variables name resources (never secrets), and the
 * normalized config document is staged by the construct next to the handler code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_ASSET_FILE } from '../../src/shared/registry-schema';
import type { GuardConfig } from '../core/model';

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(`environment variable ${name} is not set; the RenewalGuard construct sets it on the function`);
  }
  return value;
}

/**
 * The config staged at the root of the code asset (one level above each handler's folder); Lambda
 * names that root in LAMBDA_TASK_ROOT.
 */
export function loadStagedConfig(
  dir: string = process.env.LAMBDA_TASK_ROOT ?? path.join(__dirname, '..'),
): GuardConfig {
  const file = path.join(dir, CONFIG_ASSET_FILE);
  let config: GuardConfig;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8')) as GuardConfig;
  } catch (e) {
    throw new Error(`the staged config ${file} could not be read: ${(e as Error).message}`);
  }
  if (config.version !== 1) throw new Error(`the staged config ${file} has version ${config.version}; expected 1`);
  return config;
}
