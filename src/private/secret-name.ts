import { Token } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/**
 * The secret's name as known at synth time, or undefined when only CloudFormation will know it.
 *
 * The config is staged into the code package at synth time, so it cannot carry a deploy-time token.
 * Imported secrets (`fromSecretNameV2`, `fromSecretCompleteArn`) have a literal name; a secret created
 * in the same app reports its name as a token, but when it was given an explicit `secretName` that
 * literal is still on its `AWS::SecretsManager::Secret` resource.
 */
export function synthTimeSecretName(secret: secretsmanager.ISecret): string | undefined {
  if (!Token.isUnresolved(secret.secretName)) return secret.secretName;
  const resource = secret.node.defaultChild;
  if (
    resource instanceof secretsmanager.CfnSecret &&
    typeof resource.name === 'string' &&
    !Token.isUnresolved(resource.name)
  ) {
    return resource.name;
  }
  return undefined;
}
