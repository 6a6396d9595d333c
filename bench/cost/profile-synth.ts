/**
 * The fixed resources of each cost profile, counted on a synthesized template (basis `measured`): the
 * secure default, and the lean profile with and without the acknowledge links. The counts do not grow with
 * services or accounts (the synth benchmark shows it), so one small registry stands for every scale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { stringify } from 'yaml';
import { GuardEncryption, RenewalGuard, SecretStore, type RenewalGuardProps } from '../../src';
import { ENV_LINK_PARAMETER_NAME } from '../../src/shared/link-parameter';
import { scaleDocument } from '../support/scale-config';

export type ProfileId = 'default' | 'lean' | 'lean-no-links';

export interface CostProfile {
  readonly id: ProfileId;
  readonly label: string;
  /** The props that make it, as a user writes them. */
  readonly props: string;
  readonly secretStore: 'secrets-manager' | 'ssm-parameter-store';
  /** Whether a function of the template is told of a link parameter (the link secret in SSM, no secret). */
  readonly linkParameter: boolean;
  /** Resource type -> count in its template. */
  readonly resourceTypes: Readonly<Record<string, number>>;
}

const PROFILES: ReadonlyArray<{ id: ProfileId; label: string; props: Partial<RenewalGuardProps>; text: string }> = [
  { id: 'default', label: 'secure default', props: {}, text: '(none)' },
  {
    id: 'lean',
    label: 'lean',
    props: {
      secretStore: SecretStore.SSM_PARAMETER_STORE,
      encryption: GuardEncryption.AWS_MANAGED,
      dashboardEnabled: false,
    },
    text: 'secretStore: SSM_PARAMETER_STORE, encryption: AWS_MANAGED, dashboardEnabled: false',
  },
  {
    id: 'lean-no-links',
    label: 'lean, without acknowledge links',
    props: {
      secretStore: SecretStore.SSM_PARAMETER_STORE,
      encryption: GuardEncryption.AWS_MANAGED,
      dashboardEnabled: false,
      linksEnabled: false,
    },
    text: 'the lean props and linksEnabled: false',
  },
];

export function profileResources(): CostProfile[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-profiles-'));
  try {
    const configFile = path.join(dir, 'renewal-guard.yaml');
    fs.writeFileSync(configFile, stringify(scaleDocument({ services: 10, accounts: 2 })));
    return PROFILES.map((p) => {
      const stack = new Stack(new App({ outdir: path.join(dir, p.id) }), 'Guard', {
        env: { account: '111111111111', region: 'us-east-1' },
      });
      new RenewalGuard(stack, 'Guard', { configFile, ...p.props });
      const resources = Object.values(
        (stack.node.root as App).synth().getStackByName('Guard').template.Resources as Record<
          string,
          { Type: string; Properties?: { Environment?: { Variables?: Record<string, unknown> } } }
        >,
      );
      const resourceTypes: Record<string, number> = {};
      for (const r of resources) resourceTypes[r.Type] = (resourceTypes[r.Type] ?? 0) + 1;
      return {
        id: p.id,
        label: p.label,
        props: p.text,
        secretStore:
          p.props.secretStore === SecretStore.SSM_PARAMETER_STORE ? 'ssm-parameter-store' : 'secrets-manager',
        resourceTypes,
        linkParameter: resources.some(
          (r) => r.Properties?.Environment?.Variables?.[ENV_LINK_PARAMETER_NAME] !== undefined,
        ),
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
