import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HANDLER_NAMES, handlerBundleDir } from './bundled-assets';
import { stableJson } from './stable-json';
import { CONFIG_ASSET_FILE } from '../shared/registry-schema';

export interface StagedCode {
  /** A directory with `<handler>/index.js(.map)` for each handler and the config at its root. */
  readonly directory: string;
  /** SHA-256 of the staged config: changes exactly when the config does. */
  readonly configHash: string;
}

const BUNDLE_FILES = ['index.js', 'index.js.map'];

/**
 * Stages the code asset every guard function shares: the prebuilt handler bundles plus the normalized config. The
 * config travels in the code package rather than the template, so 10 or 10,000 services synthesize the
 * same resources and the template never nears CloudFormation's size limit. It holds secret names only.
 *
 * The directory is named after its content, so repeated synths of the same config (every test run, every
 * `cdk diff`) reuse one directory instead of leaving a new one in the temp folder each time.
 */
export function stageCode(config: unknown): StagedCode {
  const json = stableJson(config);
  const configHash = sha256(json);
  const files = new Map<string, string>(); // staged relative path -> bundle file
  const content = crypto.createHash('sha256').update(configHash);
  for (const name of HANDLER_NAMES) {
    const from = handlerBundleDir(name);
    for (const file of BUNDLE_FILES) {
      const source = path.join(from, file);
      if (!fs.existsSync(source)) continue;
      files.set(path.join(name, file), source);
      content.update(`${name}/${file}\0`).update(fs.readFileSync(source));
    }
  }

  const directory = path.join(os.tmpdir(), `renewal-guard-${content.digest('hex').slice(0, 32)}`);
  if (fs.existsSync(path.join(directory, CONFIG_ASSET_FILE))) return { directory, configHash };

  // Written aside and renamed into place, so a concurrent synth never sees a half-written directory.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-'));
  for (const [relative, source] of files) {
    fs.mkdirSync(path.dirname(path.join(scratch, relative)), { recursive: true });
    fs.copyFileSync(source, path.join(scratch, relative));
  }
  fs.writeFileSync(path.join(scratch, CONFIG_ASSET_FILE), json);
  try {
    fs.renameSync(scratch, directory);
  } catch {
    // another process staged the same content first; its directory is identical
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { directory, configHash };
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
