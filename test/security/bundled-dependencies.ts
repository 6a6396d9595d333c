/**
 * The third-party packages esbuild put into a shipped bundle, with their versions: read from the
 * source map's `sources` (minified handler bundles) or from esbuild's `// node_modules/...` path
 * comments (unminified ones), and versioned by the package.json of the exact copy that was bundled.
 */
import * as fs from 'fs';
import * as path from 'path';

export const ASSETS = path.join(__dirname, '..', '..', 'assets', 'lambda');
const REPO = path.join(__dirname, '..', '..');

/** `name@version` of every package in the bundle at `assets/lambda/<bundle>/index.js`, sorted. */
export function bundledPackages(bundle: string): string[] {
  const dir = path.join(ASSETS, bundle);
  const map = path.join(dir, 'index.js.map');
  const files = fs.existsSync(map)
    ? (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] }).sources.map((s) => path.resolve(dir, s))
    : [...fs.readFileSync(path.join(dir, 'index.js'), 'utf8').matchAll(/^\s*\/\/ (\S*node_modules\/\S+)/gm)].map((m) =>
        path.resolve(REPO, m[1]!),
      );
  const found = new Set<string>();
  for (const file of files) {
    const at = file.lastIndexOf(`node_modules${path.sep}`);
    if (at < 0) continue;
    const parts = file.slice(at + 'node_modules/'.length).split(path.sep);
    const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    const root = path.join(file.slice(0, at), 'node_modules', name);
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    found.add(`${name}@${version}`);
  }
  return [...found].sort();
}
