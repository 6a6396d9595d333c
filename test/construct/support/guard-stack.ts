import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RenewalGuard, RenewalGuardProps } from '../../../src';
import { CONFIG_ASSET_FILE } from '../../../src/shared/registry-schema';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface SynthesizedGuard {
  readonly app: App;
  readonly stack: Stack;
  readonly guard: RenewalGuard;
  readonly template: Template;
}

/**
 * A guard in a stack of its own with a fixed environment, synthesized once. `extend` adds what a test
 * needs next to the guard (secrets, an imported table) before the guard is built.
 */
export function synthGuard(
  props: RenewalGuardProps | ((stack: Stack) => RenewalGuardProps) = {},
  options: { readonly beforeSynth?: (stack: Stack, guard: RenewalGuard) => void } = {},
): SynthesizedGuard {
  const app = new App();
  const stack = new Stack(app, 'GuardStack', { env: { account: '111111111111', region: 'ap-southeast-1' } });
  const guard = new RenewalGuard(stack, 'Guard', typeof props === 'function' ? props(stack) : props);
  options.beforeSynth?.(stack, guard);
  return { app, stack, guard, template: Template.fromStack(stack) };
}

/**
 * The staged code directory of a function, as the cloud assembly holds it: `asset.<hash>` next to the
 * template, where `<hash>` is the function's S3 key without `.zip`.
 */
export function stagedAssetDir(synth: SynthesizedGuard, functionLogicalId: string): string {
  const fn = synth.template.toJSON().Resources[functionLogicalId];
  const key: string = fn.Properties.Code.S3Key;
  const dir = path.join(synth.app.synth().directory, `asset.${key.replace(/\.zip$/, '')}`);
  if (!fs.existsSync(dir)) throw new Error(`no staged asset at ${dir}`);
  return dir;
}

/** The logical id of the resource of `type` at construct path `prefix` (`GuardPoller` -> `GuardPoller1E37CBB6`). */
export function logicalId(template: Template, type: string, prefix: string): string {
  const pattern = new RegExp(`^${prefix}[0-9A-F]{8}$`);
  const ids = Object.keys(template.findResources(type)).filter((id) => pattern.test(id));
  if (ids.length !== 1) {
    throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
  }
  return ids[0]!;
}

/** The normalized config staged into the functions' code, as the handlers will read it. */
export function stagedConfig(synth: SynthesizedGuard): Record<string, any> {
  const dir = stagedAssetDir(synth, logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller'));
  return JSON.parse(fs.readFileSync(path.join(dir, CONFIG_ASSET_FILE), 'utf8'));
}
