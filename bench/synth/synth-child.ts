/**
 * One synth in a fresh process: `synth-child.ts <services> <accounts> <file|props> <workDir>`. Prints one
 * JSON line (SynthSample) on stdout. The parent points TMPDIR at a fresh folder, so the construct stages
 * its code asset from scratch as on a first `cdk synth`, not from an earlier run's cache.
 *
 * Timed: from `new App()` to the end of `app.synth()` (construct, config validation, staging, asset
 * fingerprinting and copying, template). Not timed: generating the config and loading aws-cdk-lib and the
 * library, which do not depend on the number of services.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SynthSample } from './synth-sample';
import { CONFIG_ASSET_FILE } from '../../src/shared/registry-schema';
import { scaleDocument } from '../support/scale-config';

/** Wraps a module export so its calls add to `phases[name]`; the construct looks exports up at call time. */
function timeExport(module: Record<string, unknown>, name: string, phases: Record<string, number>): void {
  const original = module[name] as (...args: unknown[]) => unknown;
  module[name] = (...args: unknown[]) => {
    const start = performance.now();
    try {
      return original(...args);
    } finally {
      phases[name] = (phases[name] ?? 0) + performance.now() - start;
    }
  };
}

function main(): void {
  const [services, accounts, mode, workDir] = process.argv.slice(2);
  const shape = { services: Number(services), accounts: Number(accounts) };
  const document = scaleDocument(shape);
  const configFile = path.join(workDir, 'renewal-guard.json');
  fs.writeFileSync(configFile, JSON.stringify(document));

  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after the config exists, outside the timing */
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const lib = require('../../src') as typeof import('../../src');
  const phases: Record<string, number> = {};
  timeExport(require('../../src/private/config-loader'), 'loadGuardConfig', phases);
  timeExport(require('../../src/private/staged-code'), 'stageCode', phases);
  timeExport(require('../../src/private/props-document'), 'propsDocument', phases);
  /* eslint-enable @typescript-eslint/no-require-imports */
  const props = mode === 'props' ? typedProps(lib, document) : { configFile };

  const outdir = path.join(workDir, 'cdk.out');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, 'GuardStack', { env: { account: '111111111111', region: 'ap-southeast-1' } });
  new lib.RenewalGuard(stack, 'Guard', props);
  const constructed = performance.now();
  const assembly = app.synth();
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);

  const templateFile = path.join(assembly.directory, assembly.getStackByName('GuardStack').templateFile);
  const templateText = fs.readFileSync(templateFile, 'utf8');
  const resources = Object.values(JSON.parse(templateText).Resources as Record<string, { Type: string }>).map(
    (r) => r.Type,
  );
  const sample: SynthSample = {
    services: shape.services,
    accounts: shape.accounts,
    mode: mode === 'props' ? 'props' : 'file',
    synthMs: end - start,
    synthCpuMs: (cpu.user + cpu.system) / 1000,
    phasesMs: {
      validateConfig: phases.loadGuardConfig ?? 0,
      propsDocument: phases.propsDocument ?? 0,
      stageCode: phases.stageCode ?? 0,
      constructOther:
        constructed - start - (phases.loadGuardConfig ?? 0) - (phases.stageCode ?? 0) - (phases.propsDocument ?? 0),
      appSynth: end - constructed,
    },
    resourceCount: resources.length,
    resourceTypes: countBy(resources),
    templateBytes: Buffer.byteLength(templateText),
    stagedConfigBytes: stagedConfigBytes(assembly.directory),
    configFileBytes: fs.statSync(configFile).size,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

/** The same registry as typed props: ServiceDeclaration structs, accounts from a secret name. */
function typedProps(lib: typeof import('../../src'), document: Record<string, unknown>) {
  const services = (document.services as Array<Record<string, unknown>>).map((s) => ({
    serviceId: s.id as string,
    name: s.name as string,
    project: s.project as string,
    account: s.account as string | undefined,
    kind: lib.ServiceKind.SUBSCRIPTION,
    expiresOn: s.expiresOn as string,
    owners: s.owners as string[],
  }));
  const base = { ...document, services: undefined };
  return { configFile: writeBase(base), services };
}

/** Settings, accounts and channels stay in a small file; only the services come as props. */
function writeBase(base: Record<string, unknown>): string {
  const file = path.join(process.argv[5], 'base.json');
  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined))));
  return file;
}

function countBy(types: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of [...types].sort()) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** The config staged in the functions' code asset (the same file in each asset directory). */
function stagedConfigBytes(assemblyDir: string): number {
  for (const entry of fs.readdirSync(assemblyDir)) {
    const file = path.join(assemblyDir, entry, CONFIG_ASSET_FILE);
    if (entry.startsWith('asset.') && fs.existsSync(file)) return fs.statSync(file).size;
  }
  return 0;
}

main();
