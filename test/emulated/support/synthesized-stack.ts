/**
 * A real `RenewalGuardStack` synthesized to a cloud assembly, as `cdk deploy` would upload it: the
 * template and the staged code assets (`asset.<hash>` beside it, named by each function's S3 key).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { RenewalGuardStack, type RenewalGuardStackProps } from '../../../src';

/** The account and region every emulated deployment lives in: moto's default account. */
export const EMULATED_ACCOUNT = '123456789012';
export const EMULATED_REGION = 'us-east-1';

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: unknown }>;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DependsOn?: string | string[];
  readonly Condition?: string;
}

export interface SynthesizedStack {
  readonly stackName: string;
  readonly template: CfnTemplate;
  /** The staged directory of a function's code, from its `Code.S3Key`. */
  assetDir(s3Key: string): string;
  /** Removes the cloud assembly and the config document. */
  dispose(): void;
}

/**
 * Synthesizes a guard stack from a config document (written to a file, the way users deploy) and
 * optional typed props (channels holding secrets, for instance).
 */
export function synthesizeGuardStack(
  configDocument: Record<string, unknown>,
  props: (stack: RenewalGuardStackProps) => RenewalGuardStackProps = (p) => p,
  stackName = 'EmulatedGuard',
): SynthesizedStack {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-emulated-'));
  const configFile = path.join(work, 'renewal-guard.json');
  fs.writeFileSync(configFile, JSON.stringify(configDocument, null, 2));
  const app = new App({ outdir: path.join(work, 'cdk.out') });
  new RenewalGuardStack(
    app,
    stackName,
    props({ env: { account: EMULATED_ACCOUNT, region: EMULATED_REGION }, configFile }),
  );
  const assembly = app.synth();
  const template = assembly.getStackByName(stackName).template as CfnTemplate;
  return {
    stackName,
    template,
    assetDir(s3Key: string) {
      const dir = path.join(assembly.directory, `asset.${s3Key.replace(/\.zip$/, '')}`);
      if (!fs.existsSync(dir)) throw new Error(`no staged asset for S3 key ${s3Key} at ${dir}`);
      return dir;
    },
    dispose: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}
