/**
 * The part of the template moto's CloudFormation really creates: KMS keys, SNS topics, SQS queues, IAM
 * roles and log groups, deployed as one moto stack from the synthesized resources unchanged. Checked
 * against moto 5.2: it has no `AWS::SNS::Subscription`, `AWS::Scheduler::Schedule`,
 * `AWS::CloudWatch::Alarm`, `AWS::SecretsManager::Secret` or custom resources, applies no
 * `AWS::SNS::TopicPolicy` (the topic keeps its default policy), answers an `AWS::Events::EventBus` without
 * a physical id, and runs Lambda functions only in Docker; its tables would live in moto, not dynalite.
 * Those are the provisioner's (see resource-provisioners.ts). One more difference: moto names an unnamed
 * resource `<stack>-<logical id>-<12 random>` without CloudFormation's truncation, and answers a bare 500
 * when that breaks a length limit (64 for a role, 80 for a queue); such resources get the name
 * CloudFormation would generate, truncated, written into the moto stack's copy of their properties.
 */
import { randomBytes } from 'crypto';
import { motoQuery, xmlValues } from './moto-query';
import type { CfnResource, CfnTemplate } from './synthesized-stack';
import { referencedIds, type ProvisionedResource, type StackEnvironment } from './template-values';

export const MOTO_CLOUDFORMATION_TYPES: ReadonlySet<string> = new Set([
  'AWS::KMS::Key',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::IAM::Role',
  'AWS::Logs::LogGroup',
]);

/**
 * Creates the moto stack and returns what each of its resources answers to Ref and GetAtt, in the
 * formats AWS documents for each type (moto answers with the physical ids only).
 */
export async function deployMotoStack(
  endpoint: string,
  template: CfnTemplate,
  env: StackEnvironment,
): Promise<Map<string, ProvisionedResource>> {
  const ids = Object.keys(template.Resources).filter((id) =>
    MOTO_CLOUDFORMATION_TYPES.has(template.Resources[id]!.Type),
  );
  const resources = Object.fromEntries(ids.map((id) => [id, withNameWithinLimit(id, template.Resources[id]!, env)]));
  for (const id of ids) {
    const outside = [...referencedIds(resources[id]!.Properties)].filter((ref) => !(ref in resources));
    if (outside.length > 0) {
      throw new Error(
        `${id} (${resources[id]!.Type}) refers to ${outside.join(', ')}, which moto's CloudFormation cannot create; ` +
          'move the type out of MOTO_CLOUDFORMATION_TYPES and give it a provisioner',
      );
    }
  }
  const call = (params: Record<string, string>) => motoQuery(endpoint, 'cloudformation', env.region, params);
  await call({
    Action: 'CreateStack',
    StackName: env.stackName,
    TemplateBody: JSON.stringify({ Resources: resources }),
  });
  const status = xmlValues(await call({ Action: 'DescribeStacks', StackName: env.stackName }), 'StackStatus')[0];
  if (status !== 'CREATE_COMPLETE') throw new Error(`moto's stack ${env.stackName} ended in ${status}`);

  const answer = await call({ Action: 'DescribeStackResources', StackName: env.stackName });
  const physical = new Map<string, string>();
  for (const member of xmlValues(answer, 'member')) {
    const logical = xmlValues(member, 'LogicalResourceId')[0];
    const id = xmlValues(member, 'PhysicalResourceId')[0];
    if (logical && id) physical.set(logical, id);
  }
  const out = new Map<string, ProvisionedResource>();
  for (const id of ids) {
    const physicalId = physical.get(id);
    if (!physicalId) throw new Error(`moto's CloudFormation created no physical resource for ${id}`);
    out.set(id, attributesOf(resources[id]!.Type, physicalId, env));
  }
  return out;
}

/** Name properties and limits of the types whose generated names moto does not truncate. */
const NAME_LIMITS: Readonly<Record<string, { property: string; max: number }>> = {
  'AWS::IAM::Role': { property: 'RoleName', max: 64 },
  'AWS::SQS::Queue': { property: 'QueueName', max: 80 },
};

export function withNameWithinLimit(id: string, resource: CfnResource, env: StackEnvironment): CfnResource {
  const limit = NAME_LIMITS[resource.Type];
  const suffix = randomBytes(6).toString('hex').toUpperCase();
  if (!limit || resource.Properties?.[limit.property] !== undefined) return resource;
  if (`${env.stackName}-${id}-${suffix}`.length <= limit.max) return resource;
  const name = `${`${env.stackName}-${id}`.slice(0, limit.max - suffix.length - 1)}-${suffix}`;
  return { ...resource, Properties: { ...resource.Properties, [limit.property]: name } };
}

function attributesOf(type: string, physicalId: string, env: StackEnvironment): ProvisionedResource {
  const arn = (service: string, resource: string, region = env.region) =>
    `arn:${env.partition}:${service}:${region}:${env.account}:${resource}`;
  switch (type) {
    case 'AWS::KMS::Key':
      return { ref: physicalId, attributes: { Arn: arn('kms', `key/${physicalId}`), KeyId: physicalId } };
    case 'AWS::SNS::Topic':
      return { ref: physicalId, attributes: { TopicArn: physicalId, TopicName: physicalId.split(':').pop()! } };
    case 'AWS::SQS::Queue': {
      const name = physicalId.split('/').pop()!;
      return { ref: physicalId, attributes: { Arn: arn('sqs', name), QueueName: name, QueueUrl: physicalId } };
    }
    case 'AWS::IAM::Role':
      return { ref: physicalId, attributes: { Arn: `arn:${env.partition}:iam::${env.account}:role/${physicalId}` } };
    case 'AWS::Logs::LogGroup':
      return { ref: physicalId, attributes: { Arn: arn('logs', `log-group:${physicalId}:*`) } };
    default:
      throw new Error(`no attribute formats for ${type}`);
  }
}
