import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { LoadedConfig } from './config-loader';

/**
 * Grants read on each polled account's credentials secret, and on nothing else. Secrets from typed props
 * are granted as given (with their KMS key, when they have one); names from the config file are imported
 * by name, which matches the secret's ARN with its random six-character suffix.
 */
export function grantVendorSecrets(
  scope: Construct,
  grantee: iam.IGrantable,
  accounts: LoadedConfig['accounts'],
  fromProps: ReadonlyMap<string, secretsmanager.ISecret>,
): void {
  let imported: Construct | undefined;
  for (const account of accounts) {
    if (account.credentials === undefined) continue;
    let secret = fromProps.get(account.id);
    if (!secret) {
      imported ??= new Construct(scope, 'VendorSecrets');
      secret = secretsmanager.Secret.fromSecretNameV2(imported, account.id, account.credentials);
    }
    secret.grantRead(grantee);
  }
}
