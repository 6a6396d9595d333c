import * as fs from 'fs';
import * as path from 'path';

/**
 * The esbuild bundles shipped in the package's assets/ folder. src/private and lib/private sit at the
 * same depth, so one relative path serves ts-jest (reading src/) and consumers (reading lib/).
 */
const ASSETS_DIR = path.join(__dirname, '..', '..', 'assets', 'lambda');

/** The Lambda entry points; each is staged as `<name>/index.js` and its handler is `<name>/index.handler`. */
export const HANDLER_NAMES = ['poll-and-evaluate', 'sync-registry', 'notify', 'ack-and-calendar'] as const;
export type HandlerName = (typeof HANDLER_NAMES)[number];

export function handlerBundleDir(name: HandlerName): string {
  return existingDir(path.join(ASSETS_DIR, 'handlers', name));
}

export function configLoaderBundle(): string {
  return path.join(existingDir(path.join(ASSETS_DIR, 'synth', 'config-loader')), 'index.js');
}

function existingDir(dir: string): string {
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    throw new Error(
      `cdk-renewal-guard: the bundled code ${path.join(dir, 'index.js')} is missing; ` +
        'in a checkout of the library, build it with `npx projen bundle`',
    );
  }
  return dir;
}
