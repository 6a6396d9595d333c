import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';

/**
 * Encrypts every log group of the guard (its functions', the links API's access logs) with the guard's
 * key, as the README promises. CloudWatch Logs must be allowed to use the key, which only a key whose
 * policy this app writes can be given: a key imported by ARN keeps its own policy, so its log groups stay
 * under CloudWatch Logs' own encryption rather than fail to deploy (README "Security").
 *
 * Key policy: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html — the
 * regional principal `logs.<region>.<url suffix>` (amazonaws.com.cn in China), limited by the
 * `aws:logs:arn` encryption context to this account's log groups in this region.
 *
 * @returns whether the log groups were encrypted with the key
 */
export function encryptGuardLogs(guard: IConstruct, key: kms.IKey): boolean {
  const stack = Stack.of(guard);
  const allowed = key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForTheGuardsLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  ).statementAdded;
  if (!allowed) return false;
  for (const node of guard.node.findAll()) {
    if (!(node instanceof logs.LogGroup)) continue;
    const cfn = node.node.defaultChild as logs.CfnLogGroup;
    cfn.kmsKeyId = key.keyArn;
    // the key policy must be in place before CloudWatch Logs checks it
    node.node.addDependency(key);
  }
  return true;
}
