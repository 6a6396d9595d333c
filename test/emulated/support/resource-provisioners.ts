/**
 * One provisioner per resource type moto's CloudFormation does not create (see moto-cloudformation.ts),
 * each reading the synthesized properties, resolved, and creating the resource on moto or dynalite; and
 * the types that have no behaviour to emulate, each with the reason.
 */
import { randomBytes } from 'crypto';
import { PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateEventBusCommand } from '@aws-sdk/client-eventbridge';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SubscribeCommand } from '@aws-sdk/client-sns';
import { bundleHandlerDir, type EmulatedFunction } from './emulated-functions';
import { generateSecretString } from './generated-secret';
import type { LocalAwsClients } from './local-aws';
import { createStandIn, type StandInSubscription } from './stand-in-subscriptions';
import type { CfnResource, SynthesizedStack } from './synthesized-stack';
import type { ProvisionedResource, StackEnvironment, TemplateValues } from './template-values';

export interface ProvisionContext {
  readonly env: StackEnvironment;
  readonly values: TemplateValues;
  readonly clients: LocalAwsClients;
  readonly stack: SynthesizedStack;
  readonly functions: Map<string, EmulatedFunction>;
  readonly standIns: StandInSubscription[];
  /** Secret names the template's policies grant by exact name (`<name>-??????`), with the policy. */
  readonly grantedSecrets: Map<string, string>;
  readonly notEmulated: { logicalId: string; type: string; reason: string }[];
  /** Runs a custom resource's Create through its ServiceToken. */
  readonly customResource: (logicalId: string, resource: CfnResource) => Promise<ProvisionedResource>;
}

type Provisioner = (ctx: ProvisionContext, logicalId: string, resource: CfnResource) => Promise<ProvisionedResource>;

/** Types with nothing to emulate: moto enforces no IAM, and nothing here reads a dashboard. */
export const NOT_EMULATED: Readonly<Record<string, string>> = {
  'AWS::IAM::Policy': 'moto and dynalite enforce no IAM; scanned only for the secrets it grants',
  'AWS::Lambda::Permission': 'invocations are the harness calling the function; no resource policy is checked',
  'AWS::SNS::TopicPolicy': 'moto applies no topic policy from a template and checks none on Publish',
  'AWS::SQS::QueuePolicy': 'moto checks no queue policy on SendMessage',
  'AWS::CloudWatch::Dashboard': 'a console view; no behaviour',
  'AWS::CDK::Metadata': 'CDK bookkeeping; no behaviour',
};

export const PROVISIONERS: Readonly<Record<string, Provisioner>> = {
  'AWS::DynamoDB::Table': provisionTable,
  'AWS::Events::EventBus': provisionEventBus,
  'AWS::SecretsManager::Secret': provisionSecret,
  'AWS::Lambda::Function': provisionFunction,
  'AWS::Lambda::Url': provisionFunctionUrl,
  'AWS::SNS::Subscription': provisionSubscription,
  'AWS::Scheduler::Schedule': provisionSchedule,
  'AWS::CloudWatch::Alarm': provisionAlarm,
  'AWS::IAM::Policy': scanPolicy,
};

/** A name the way CloudFormation makes one up: `<stack>-<logical id>-<13 random characters>`. */
export function generatedName(ctx: ProvisionContext, logicalId: string, maxLength = 64): string {
  const suffix = randomBytes(7).toString('hex').slice(0, 13).toUpperCase();
  const head = `${ctx.env.stackName}-${logicalId}`.slice(0, maxLength - suffix.length - 1);
  return `${head}-${suffix}`;
}

function arn(ctx: ProvisionContext, service: string, resource: string): string {
  return `arn:${ctx.env.partition}:${service}:${ctx.env.region}:${ctx.env.account}:${resource}`;
}

async function props(ctx: ProvisionContext, logicalId: string, resource: CfnResource): Promise<Record<string, any>> {
  return (await ctx.values.resolve(resource.Properties ?? {}, `Resources.${logicalId}.Properties`)) as Record<
    string,
    any
  >;
}

async function provisionTable(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const tableName: string = p.TableName ?? generatedName(ctx, logicalId, 255);
  const onDemand = p.BillingMode === 'PAY_PER_REQUEST';
  const throughput = (t?: Record<string, unknown>) => (onDemand ? {} : { ProvisionedThroughput: t as any });
  await ctx.clients.dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      ...(p.BillingMode && { BillingMode: p.BillingMode }),
      ...throughput(p.ProvisionedThroughput),
      ...(p.GlobalSecondaryIndexes && {
        GlobalSecondaryIndexes: p.GlobalSecondaryIndexes.map((g: Record<string, unknown>) => ({
          IndexName: g.IndexName,
          KeySchema: g.KeySchema,
          Projection: g.Projection,
          ...throughput(g.ProvisionedThroughput as Record<string, unknown>),
        })),
      }),
      ...(p.LocalSecondaryIndexes && { LocalSecondaryIndexes: p.LocalSecondaryIndexes }),
    }),
  );
  for (let i = 0; ; i++) {
    const { Table } = await ctx.clients.dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') {
      return { ref: tableName, attributes: { Arn: Table.TableArn ?? arn(ctx, 'dynamodb', `table/${tableName}`) } };
    }
    if (i > 200) throw new Error(`${logicalId}: table ${tableName} never became ACTIVE`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function provisionEventBus(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const { EventBusArn } = await ctx.clients.events.send(new CreateEventBusCommand({ Name: p.Name }));
  return { ref: p.Name, attributes: { Arn: EventBusArn!, Name: p.Name } };
}

async function provisionSecret(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const where = `Resources.${logicalId}.Properties`;
  if (p.SecretString !== undefined && p.GenerateSecretString !== undefined) {
    throw new Error(`${where}: SecretString and GenerateSecretString are exclusive`);
  }
  const value: string =
    p.SecretString ?? generateSecretString(p.GenerateSecretString ?? {}, `${where}.GenerateSecretString`);
  const suffix = randomBytes(6).toString('hex');
  const { ARN } = await ctx.clients.secrets.send(
    new CreateSecretCommand({
      Name: p.Name ?? `${logicalId}-${suffix}`,
      SecretString: value,
      ...(p.KmsKeyId && { KmsKeyId: p.KmsKeyId }),
      ...(p.Description && { Description: p.Description }),
    }),
  );
  return { ref: ARN!, attributes: { Id: ARN! } };
}

async function provisionFunction(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const functionName: string = p.FunctionName ?? generatedName(ctx, logicalId, 64);
  const functionArn = arn(ctx, 'lambda', `function:${functionName}`);
  const handlerDir = bundleHandlerDir(p.Handler);
  const environment: Record<string, string> = p.Environment?.Variables ?? {};
  for (const [name, value] of Object.entries(environment)) {
    if (typeof value !== 'string') {
      throw new Error(`${logicalId}: environment variable ${name} resolved to a non-string`);
    }
  }
  ctx.functions.set(logicalId, {
    logicalId,
    functionName,
    arn: functionArn,
    ...(handlerDir && { bundle: { codeRoot: ctx.stack.assetDir(p.Code.S3Key), handlerDir } }),
    handler: p.Handler,
    runtime: p.Runtime,
    memorySize: p.MemorySize ?? 128,
    timeoutSeconds: p.Timeout ?? 3,
    environment,
  });
  return { ref: functionName, attributes: { Arn: functionArn } };
}

async function provisionFunctionUrl(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const id = randomBytes(16).toString('hex');
  // not served: the emulation has no HTTP front for functions (README, "not emulated")
  const url = `https://${id}.lambda-url.${ctx.env.region}.on.aws/`;
  return { ref: url, attributes: { FunctionUrl: url, FunctionArn: p.TargetFunctionArn } };
}

async function provisionSubscription(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  if (['email', 'email-json', 'sms', 'lambda'].includes(p.Protocol)) {
    const queueName = `${ctx.env.stackName}-${logicalId}-${p.Protocol}-stand-in`.slice(0, 80);
    const standIn = await createStandIn(ctx.clients, logicalId, queueName, p as any);
    ctx.standIns.push(standIn);
    return { ref: standIn.subscriptionArn, attributes: {} };
  }
  if (p.Protocol === 'sqs') {
    const { SubscriptionArn } = await ctx.clients.sns.send(
      new SubscribeCommand({
        TopicArn: p.TopicArn,
        Protocol: p.Protocol,
        Endpoint: p.Endpoint,
        ReturnSubscriptionArn: true,
        Attributes: Object.fromEntries(
          ['FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy']
            .filter((k) => p[k] !== undefined)
            .map((k) => [k, typeof p[k] === 'string' ? p[k] : JSON.stringify(p[k])]),
        ),
      }),
    );
    return { ref: SubscriptionArn!, attributes: {} };
  }
  throw new Error(`${logicalId}: SNS protocol ${p.Protocol} has no stand-in in the emulation`);
}

async function provisionSchedule(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const name: string = p.Name ?? generatedName(ctx, logicalId, 64);
  const { ScheduleArn } = await ctx.clients.scheduler.send(
    new CreateScheduleCommand({
      Name: name,
      ...(p.GroupName && { GroupName: p.GroupName }),
      ScheduleExpression: p.ScheduleExpression,
      ...(p.ScheduleExpressionTimezone && { ScheduleExpressionTimezone: p.ScheduleExpressionTimezone }),
      ...(p.Description && { Description: p.Description }),
      ...(p.State && { State: p.State }),
      ...(p.StartDate && { StartDate: new Date(p.StartDate) }),
      ...(p.EndDate && { EndDate: new Date(p.EndDate) }),
      FlexibleTimeWindow: p.FlexibleTimeWindow,
      Target: p.Target,
    }),
  );
  return { ref: name, attributes: { Arn: ScheduleArn ?? arn(ctx, 'scheduler', `schedule/default/${name}`) } };
}

async function provisionAlarm(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const p = await props(ctx, logicalId, resource);
  const name: string = p.AlarmName ?? generatedName(ctx, logicalId, 255);
  await ctx.clients.cloudwatch.send(
    new PutMetricAlarmCommand({ ...(p as PutMetricAlarmCommandInput), AlarmName: name }),
  );
  return { ref: name, attributes: { Arn: arn(ctx, 'cloudwatch', `alarm:${name}`) } };
}

/** Not created; read for the secrets it grants by exact name, which the deployment must then hold. */
async function scanPolicy(ctx: ProvisionContext, logicalId: string, resource: CfnResource) {
  const document = JSON.stringify(await props(ctx, logicalId, resource));
  for (const match of document.matchAll(/:secret:([^"*?]+)-\?{6}/g)) ctx.grantedSecrets.set(match[1]!, logicalId);
  ctx.notEmulated.push({ logicalId, type: resource.Type, reason: NOT_EMULATED[resource.Type]! });
  return { ref: logicalId, attributes: {} };
}

/** Reads a secret's string, for dynamic references (`{{resolve:secretsmanager:…}}`). */
export async function secretString(clients: LocalAwsClients, secretId: string): Promise<string> {
  const { SecretString } = await clients.secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (SecretString === undefined) throw new Error(`secret ${secretId} holds no string`);
  return SecretString;
}
