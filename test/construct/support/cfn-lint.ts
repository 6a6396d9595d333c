/**
 * Runs the CloudFormation linter (`cfn-lint`, preinstalled on the build machines) over synthesized
 * templates: every template in one process, since cfn-lint takes seconds to start, each linted against
 * the region its stack names.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The oldest cfn-lint release the findings below were reviewed with. */
export const CFN_LINT_VERSION = '1.51';

/**
 * Rules switched off for every template, each with why. Any other finding on a template the tests
 * synthesize is a failure until it is fixed or listed here with its reason.
 */
export const IGNORED_RULES: Readonly<Record<string, string>> = {
  W3005:
    'Redundant DependsOn: GuardFunction (src/private/guard-function.ts) makes each function depend on its role, ' +
    'which aws-cdk-lib writes as DependsOn next to the Role GetAtt that already orders the two; harmless, and the ' +
    'same order CloudFormation would take. Drop the rule from this list when that dependency goes.',
};

export interface LintVariant {
  /** Names the template's file, and the variant in failures: letters, digits and dashes. */
  readonly name: string;
  /** The synthesized template (`Template.toJSON()`). */
  readonly template: Record<string, unknown>;
  /** The region cfn-lint checks resource types and properties against: the stack's. */
  readonly region: string;
}

export interface LintFinding {
  readonly variant: string;
  /** e.g. `E3006`, `W1034`. */
  readonly rule: string;
  readonly level: string;
  /** `Resources/GuardLinksApi2FEDBDB1/Type` */
  readonly path: string;
  readonly message: string;
}

interface CfnLintMatch {
  readonly Filename: string;
  readonly Level: string;
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location?: { readonly Path?: ReadonlyArray<string | number> | null };
}

/**
 * Lints every variant in one cfn-lint run (`--format json`, `--ignore-checks` with `IGNORED_RULES`) and
 * returns every finding. The region travels in each file's own `Metadata.cfn-lint.config.regions`, written
 * into the copy handed to cfn-lint, not into the template. Throws, with the reason, when cfn-lint is
 * missing, is another release, or answers with something that is not its JSON report.
 */
export function lintTemplates(variants: readonly LintVariant[], command = 'cfn-lint'): LintFinding[] {
  assertCfnLintVersion(command);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-cfn-lint-'));
  try {
    const byFile = new Map<string, string>();
    for (const variant of variants) {
      if (!/^[a-z0-9-]+$/.test(variant.name)) throw new Error(`variant name "${variant.name}": use a-z, 0-9 and -`);
      const file = path.join(dir, `${variant.name}.json`);
      if (byFile.has(file)) throw new Error(`two variants are named "${variant.name}"`);
      byFile.set(file, variant.name);
      const metadata = {
        ...(variant.template.Metadata as object),
        'cfn-lint': { config: { regions: [variant.region] } },
      };
      fs.writeFileSync(file, JSON.stringify({ ...variant.template, Metadata: metadata }, null, 1));
    }
    const ignored = Object.keys(IGNORED_RULES);
    const args = [
      '--format',
      'json',
      ...(ignored.length > 0 ? ['--ignore-checks', ...ignored] : []),
      '--',
      ...byFile.keys(),
    ];
    const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) {
      throw new Error(
        `cfn-lint could not run (${run.error.message}); install it: pip install "cfn-lint==${CFN_LINT_VERSION}.*"`,
      );
    }
    // exit codes are a bit mask of the levels found (2 error, 4 warning, 8 informational); 1 is a crash
    if (run.status === 1 || run.status === null) {
      throw new Error(`cfn-lint failed (exit ${run.status}):\n${run.stderr}`);
    }
    let matches: CfnLintMatch[];
    try {
      matches = JSON.parse(run.stdout || '[]') as CfnLintMatch[];
    } catch {
      throw new Error(`cfn-lint did not answer with its JSON report:\n${run.stdout.slice(0, 2000)}\n${run.stderr}`);
    }
    return matches.map((m) => ({
      variant: byFile.get(path.resolve(m.Filename)) ?? byFile.get(m.Filename) ?? m.Filename,
      rule: m.Rule.Id,
      level: m.Level,
      path: (m.Location?.Path ?? []).join('/'),
      message: m.Message,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `cfn-lint --version` must answer 1.51 or a later 1.x: older ones lack the runtime deprecation dates
 * W1034 checks and the region schemas E3006 needs.
 */
function assertCfnLintVersion(command: string): void {
  const run = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(
      `${command} is not installed or not on PATH (${run.error.message}): the template lint needs it; ` +
        `install it with pip install "cfn-lint==${CFN_LINT_VERSION}.*"`,
    );
  }
  const version = `${run.stdout}${run.stderr}`.trim();
  const [major, minor] = (/^cfn-lint (\d+)\.(\d+)\./.exec(version) ?? []).slice(1).map(Number);
  const [wantMajor, wantMinor] = CFN_LINT_VERSION.split('.').map(Number);
  if (major !== wantMajor || minor === undefined || minor < wantMinor!) {
    throw new Error(`cfn-lint ${CFN_LINT_VERSION} or a later 1.x expected, found "${version}"`);
  }
}

/** A finding as one line, for failure messages: `default W1034 Resources/X/Properties/Runtime: …`. */
export function describeFinding(f: LintFinding): string {
  return `${f.variant} ${f.rule} ${f.path}: ${f.message}`;
}
