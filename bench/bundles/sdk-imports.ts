/**
 * The AWS SDK values a bundle's own code imports, read from esbuild's metafile: every input outside
 * node_modules, scanned for `import { ... } from '@aws-sdk/...'` (type-only imports dropped, as esbuild
 * drops them). The floor bundle imports exactly these.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Metafile } from 'esbuild';

export type SdkImports = ReadonlyMap<string, readonly string[]>;

const IMPORT = /^import\s+(?!type\s)\{([^}]*)\}\s*from\s*'(@aws-sdk\/[^']+)'/gm;

export function sdkImports(metafile: Metafile, root: string): SdkImports {
  const imports = new Map<string, Set<string>>();
  for (const input of Object.keys(metafile.inputs)) {
    if (input.includes('node_modules') || !/\.tsx?$/.test(input)) continue;
    const source = fs.readFileSync(path.resolve(root, input), 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const names = match[1]!
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n.length > 0 && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0]!.trim());
      const set = imports.get(match[2]!) ?? new Set<string>();
      names.forEach((n) => set.add(n));
      imports.set(match[2]!, set);
    }
  }
  return new Map([...imports].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, names]) => [m, [...names].sort()]));
}

/** A module that imports those values and keeps them (an export), so esbuild cannot drop them. */
export function floorSource(imports: SdkImports): string {
  const lines: string[] = [];
  const kept: string[] = [];
  let i = 0;
  for (const [module, names] of imports) {
    const aliases = names.map((name) => `${name} as v${i++}`);
    lines.push(`import { ${aliases.join(', ')} } from '${module}';`);
    kept.push(...aliases.map((a) => a.split(' as ')[1]!));
  }
  lines.push(`export const sdk = [${kept.join(', ')}];`);
  return `${lines.join('\n')}\n`;
}
