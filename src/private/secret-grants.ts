import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
import { suppressNag } from './nag-suppressions';
import { parameterNameFor, SECRET_STORE_SSM_PARAMETER_STORE } from '../shared/secret-store-schema';

/**
 * The documented naming of the secrets a config names: `renewal-guard/<account id>` (README "Secrets",
 * contract section 2: `credentials: renewal-guard/agora-main`).
 */
export const GUARD_SECRET_PREFIX = 'renewal-guard/';

/**
 * The tag that gives a guard's poller its vendor credentials under the prefix: `renewal-guard:guard` =
 * the guard's name. The prefix statement is limited to secrets carrying it (attribute-based access), so a
 * guard reads its own accounts' secrets, not every `renewal-guard/*` secret of the account and region
 * (another guard's included), with one statement whatever the number of accounts.
 */
export const GUARD_SECRET_TAG_KEY = 'renewal-guard:guard';

/** What `ISecret.grantRead` grants, so a name covered by the prefix gets no more and no less. */
const READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];

/**
 * How one store names and reads its entries: Secrets Manager secrets (ARNs end in a random six-character
 * suffix) or SSM SecureString parameters (`GetParameter` with decryption; the AWS managed key aws/ssm lets
 * any principal of the account decrypt through Parameter Store, so no key statement is needed).
 */
interface CredentialStore {
  readonly actions: readonly string[];
  /** The ARN of a name, or of a `<prefix>*` pattern. */
  arn(stack: Stack, name: string): string;
  /** The ARN that matches exactly the entry of this name (for denies). */
  exactArn(stack: Stack, name: string): string;
  /** The condition key that reads a resource tag of the entry, for the tag's key. */
  tagConditionKey(tagKey: string): string;
}

const SECRETS_MANAGER: CredentialStore = {
  actions: READ_ACTIONS,
  arn: (stack, name) => secretArn(stack, name),
  exactArn: (stack, name) => `${secretArn(stack, name)}-??????`,
  // evaluated for GetSecretValue and DescribeSecret
  // (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_tags.html)
  tagConditionKey: (tagKey) => `secretsmanager:ResourceTag/${tagKey}`,
};

const SSM_PARAMETER_STORE: CredentialStore = {
  actions: ['ssm:GetParameter'],
  arn: (stack, name) => parameterArn(stack, name),
  exactArn: (stack, name) => parameterArn(stack, name),
  // evaluated for GetParameter (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html)
  tagConditionKey: (tagKey) => `ssm:resourceTag/${tagKey}`,
};

/** A config entry (an account or a channel) and the NAME of the secret it reads. */
export interface SecretReference {
  readonly id: string;
  readonly secretName: string;
}

export interface SecretGrantOptions {
  /**
   * Names from the config under this prefix are granted with one statement on `secret:<prefix>*` instead of
   * one statement each, so the grantee's policy does not grow with the config; `false` grants every name
   * on its own.
   *
   * @default GUARD_SECRET_PREFIX
   */
  readonly namePrefix?: string | false;

  /**
   * The store the names are read from: `SECRET_STORE_SSM_PARAMETER_STORE` grants `ssm:GetParameter` on the
   * SecureString parameters of those names (with a leading slash) instead of Secrets Manager reads.
   *
   * @default - Secrets Manager
   */
  readonly store?: string;

  /**
   * Limits the prefix statement to entries tagged `GUARD_SECRET_TAG_KEY` = this value.
   *
   * @default - every entry under the prefix
   */
  readonly ownerTag?: string;
}

/**
 * Grants read on the secrets the given config entries name. Secrets from typed props are granted as given
 * (with their KMS key, when they have one). Names from the config file under `namePrefix` share one
 * statement on the prefix; other names are imported by name under `group`, which matches the secret's ARN
 * with its random six-character suffix.
 *
 * A prefix statement would also reach the secrets that other roles of the same guard read under that
 * prefix (the documented examples name channel secrets `renewal-guard/dingtalk-team` too), so those are
 * denied to this grantee explicitly, whichever of the two grants comes first.
 */
export function grantSecretsByName(
  scope: Construct,
  group: string,
  grantee: iam.IGrantable,
  references: readonly SecretReference[],
  fromProps: ReadonlyMap<string, secretsmanager.ISecret>,
  options: SecretGrantOptions = {},
): void {
  const prefix = options.namePrefix ?? GUARD_SECRET_PREFIX;
  const store = options.store === SECRET_STORE_SSM_PARAMETER_STORE ? SSM_PARAMETER_STORE : SECRETS_MANAGER;
  let imported: Construct | undefined;
  let prefixGranted = false;
  const exactArns: string[] = [];
  for (const reference of references) {
    const given = fromProps.get(reference.id);
    if (given) {
      given.grantRead(grantee);
    } else if (prefix !== false && reference.secretName.startsWith(prefix)) {
      prefixGranted = true;
    } else if (store === SSM_PARAMETER_STORE) {
      exactArns.push(store.arn(Stack.of(scope), reference.secretName));
    } else {
      imported ??= new Construct(scope, group);
      secretsmanager.Secret.fromSecretNameV2(imported, reference.id, reference.secretName).grantRead(grantee);
    }
  }
  if (exactArns.length > 0) iam.Grant.addToPrincipal({ grantee, actions: [...store.actions], resourceArns: exactArns });
  if (prefixGranted && prefix !== false) grantPrefix(scope, grantee, prefix, store, options.ownerTag);
  withholdAcrossRoles(scope, {
    principal: grantee.grantPrincipal,
    store,
    prefix: prefixGranted && prefix !== false ? prefix : undefined,
    names: new Set(references.map((r) => r.secretName)),
  });
}

function grantPrefix(
  scope: Construct,
  grantee: iam.IGrantable,
  prefix: string,
  store: CredentialStore,
  ownerTag: string | undefined,
): void {
  const stack = Stack.of(scope);
  const arn = store.arn(stack, `${prefix}*`);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [...store.actions],
      resources: [arn],
      ...(ownerTag !== undefined && {
        conditions: { StringEquals: { [store.tagConditionKey(GUARD_SECRET_TAG_KEY)]: ownerTag } },
      }),
    }),
  );
  if (!Construct.isConstruct(grantee.grantPrincipal)) return;
  suppressNag(grantee.grantPrincipal, [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        `Read on the credentials the config names under the documented prefix ${prefix} is one statement on ` +
        `${prefix}* instead of one per secret, so the role's inline policy stays within IAM's size quota at any ` +
        'number of accounts; limited (for the vendor credentials) to entries tagged ' +
        `${GUARD_SECRET_TAG_KEY} with the guard's name, and secrets that other roles of the guard read under ` +
        'the prefix are denied explicitly',
      appliesTo: [`Resource::${flattenReference(stack.resolve(arn))}`],
    },
  ]);
}

interface RecordedGrant {
  readonly principal: iam.IPrincipal;
  readonly store: CredentialStore;
  /** Set when the grantee holds a statement on `<prefix>*`. */
  readonly prefix?: string;
  readonly names: ReadonlySet<string>;
  deny?: iam.PolicyStatement;
}

/** The grants made so far, per guard. */
const grantsByScope = new WeakMap<IConstruct, RecordedGrant[]>();

function withholdAcrossRoles(scope: Construct, grant: RecordedGrant): void {
  const recorded = grantsByScope.get(scope) ?? [];
  grantsByScope.set(scope, recorded);
  for (const other of recorded) {
    if (other.principal === grant.principal || other.store !== grant.store) continue;
    withhold(scope, other, grant.names);
    withhold(scope, grant, other.names);
  }
  recorded.push(grant);
}

/** Denies `grant`'s principal the `names` its prefix statement covers but it was not granted itself. */
function withhold(scope: Construct, grant: RecordedGrant, names: ReadonlySet<string>): void {
  const { prefix } = grant;
  if (prefix === undefined) return;
  const arns = [...names]
    .filter((name) => name.startsWith(prefix) && !grant.names.has(name))
    .map((name) => grant.store.exactArn(Stack.of(scope), name));
  if (arns.length === 0) return;
  if (grant.deny) {
    grant.deny.addResources(...arns);
  } else {
    grant.deny = new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: [...grant.store.actions],
      resources: arns,
    });
    grant.principal.addToPrincipalPolicy(grant.deny);
  }
}

function secretArn(stack: Stack, resourceName: string): string {
  return stack.formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** The SecureString parameter the config's name stands for: `parameter/<name>`, its leading slash dropped. */
function parameterArn(stack: Stack, name: string): string {
  return stack.formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: parameterNameFor(name).slice(1),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** A resolved ARN as cdk-nag names it in findings: `arn:<AWS::Partition>:secretsmanager:…`. */
function flattenReference(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (node.Ref !== undefined) return `<${node.Ref}>`;
  if (node['Fn::Join']) return node['Fn::Join'][1].map(flattenReference).join(node['Fn::Join'][0]);
  return JSON.stringify(value);
}
