import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** A config entry (an account or a channel) and the NAME of the secret it reads. */
export interface SecretReference {
  readonly id: string;
  readonly secretName: string;
}

/**
 * Grants read on the secrets the given config entries name, and on nothing else. Secrets from typed props
 * are granted as given (with their KMS key, when they have one); names from the config file are imported
 * by name under `group`, which matches the secret's ARN with its random six-character suffix.
 */
export function grantSecretsByName(
  scope: Construct,
  group: string,
  grantee: iam.IGrantable,
  references: readonly SecretReference[],
  fromProps: ReadonlyMap<string, secretsmanager.ISecret>,
): void {
  let imported: Construct | undefined;
  for (const reference of references) {
    let secret = fromProps.get(reference.id);
    if (!secret) {
      imported ??= new Construct(scope, group);
      secret = secretsmanager.Secret.fromSecretNameV2(imported, reference.id, reference.secretName);
    }
    secret.grantRead(grantee);
  }
}
