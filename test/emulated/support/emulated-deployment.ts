/**
 * A RenewalGuardStack deployed without an AWS account: synthesized for real, its resources created on
 * moto_server and dynalite, its shipped bundles run as Lambda runs them, and the events AWS would send
 * them (schedule firings, SNS deliveries, custom-resource requests) sent by the harness in AWS's shapes.
 *
 * ```ts
 * const deployment = await EmulatedDeployment.start({ config, secrets, deployedAt });
 * await deployment.provision();
 * const fired = await deployment.fireSchedule('GuardDailyCheck', '2027-03-10');
 * const emails = await deployment.drain('GuardChannelsops');
 * const notified = await deployment.deliverToFunctions(fired!.at);
 * await deployment.stop();
 * ```
 * See test/emulated/README.md for what is faithful and what is not.
 */
import { DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { GetScheduleCommand } from '@aws-sdk/client-scheduler';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, type PublishCommandInput } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { alarmNotification, type AlarmNotification, type AlarmStateValue } from './alarm-notification';
import { createRequest, ResponseUrlServer, type CustomResourceResponse } from './custom-resource-protocol';
import { FunctionRunner, type EmulatedFunction, type InvocationResult } from './emulated-functions';
import { LocalAwsClients, localAwsEnvironment, type LocalEndpoints } from './local-aws';
import { startMotoServer, type MotoServer } from './moto-server';
import { provisionTemplate } from './provision-template';
import { secretString, type ProvisionContext } from './resource-provisioners';
import { firingOn } from './schedule-clock';
import { snsLambdaEvent } from './sns-lambda-event';
import { SnsPublishRecorder } from './sns-publish-recorder';
import { createStandIn, drainStandIn, type SnsDelivery, type StandInSubscription } from './stand-in-subscriptions';
import {
  EMULATED_ACCOUNT,
  EMULATED_REGION,
  synthesizeGuardStack,
  type CfnResource,
  type SynthesizedStack,
} from './synthesized-stack';
import { TemplateValues, type ProvisionedResource } from './template-values';
import type { RenewalGuardStackProps } from '../../../src';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

export interface EmulatedDeploymentOptions {
  /** The guard's config document, deployed as its `configFile`. */
  readonly config: Record<string, unknown>;
  /** Typed props over the config file's (channels holding secrets, for instance). */
  readonly props?: (defaults: RenewalGuardStackProps) => RenewalGuardStackProps;
  /** Test values of the secrets the config names but the stack does not create, by name. */
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** When `cdk deploy` runs: the custom resources run on this clock. */
  readonly deployedAt: Date;
}

/** One SNS delivery to a subscribed function, with each attempt Lambda made. */
export interface FunctionDelivery {
  readonly subscription: string;
  readonly function: string;
  readonly delivery: SnsDelivery;
  readonly attempts: readonly InvocationResult[];
  /** True when every attempt failed and the event went to the function's dead-letter queue. */
  readonly deadLettered: boolean;
}

/** Lambda retries a failed asynchronous invocation twice, about one and then two minutes later. */
const ASYNC_ATTEMPT_DELAYS_MS = [0, 60_000, 180_000];

export class EmulatedDeployment {
  static async start(options: EmulatedDeploymentOptions): Promise<EmulatedDeployment> {
    const [moto, dynamo, responses] = await Promise.all([
      startMotoServer(),
      startDynalite(),
      ResponseUrlServer.start(),
    ]);
    try {
      // moto loads its CloudFormation models on first use (~5 s): let it do that while the stack synthesizes
      const warm = await moto.warmUp('cloudformation', { Action: 'ListStacks' });
      const stack = synthesizeGuardStack(options.config, options.props);
      await warm;
      const recorder = await SnsPublishRecorder.start(moto.endpoint);
      return new EmulatedDeployment(options, stack, moto, dynamo, recorder, responses);
    } catch (e) {
      await Promise.allSettled([moto.stop(), dynamo.stop(), responses.stop()]);
      throw e;
    }
  }

  readonly endpoints: LocalEndpoints;
  readonly clients: LocalAwsClients;
  /** What each provisioned resource answers to Ref and GetAtt. */
  readonly values: TemplateValues;
  readonly functions = new Map<string, EmulatedFunction>();
  readonly standIns: StandInSubscription[] = [];
  readonly notEmulated: { logicalId: string; type: string; reason: string }[] = [];
  /** The answer each custom resource gave CloudFormation. */
  readonly customResourceResponses = new Map<string, CustomResourceResponse>();
  private readonly runner: FunctionRunner;

  private constructor(
    private readonly options: EmulatedDeploymentOptions,
    readonly stack: SynthesizedStack,
    private readonly moto: MotoServer,
    private readonly dynamo: LocalDynamo,
    readonly recorder: SnsPublishRecorder,
    private readonly responses: ResponseUrlServer,
  ) {
    this.endpoints = { moto: moto.endpoint, sns: recorder.endpoint, dynamodb: dynamo.endpoint };
    this.clients = new LocalAwsClients(this.endpoints, EMULATED_REGION);
    this.values = new TemplateValues(
      {
        account: EMULATED_ACCOUNT,
        region: EMULATED_REGION,
        partition: 'aws',
        stackName: stack.stackName,
        stackId: `arn:aws:cloudformation:${EMULATED_REGION}:${EMULATED_ACCOUNT}:stack/${stack.stackName}/emulated`,
        urlSuffix: 'amazonaws.com',
      },
      (id) => secretString(this.clients, id),
    );
    this.runner = new FunctionRunner(localAwsEnvironment(this.endpoints, EMULATED_REGION));
  }

  /** Creates the given secrets, then every resource of the template; fails on the first that cannot be. */
  async provision(): Promise<void> {
    for (const [name, fields] of Object.entries(this.options.secrets ?? {})) {
      await this.clients.secrets.send(new CreateSecretCommand({ Name: name, SecretString: JSON.stringify(fields) }));
    }
    const grantedSecrets = new Map<string, string>();
    const ctx: ProvisionContext = {
      env: this.values.env,
      values: this.values,
      clients: this.clients,
      stack: this.stack,
      functions: this.functions,
      standIns: this.standIns,
      grantedSecrets,
      notEmulated: this.notEmulated,
      customResource: (id, resource) => this.createCustomResource(id, resource),
    };
    await provisionTemplate(ctx, this.moto.endpoint).catch((e: Error) => {
      const tracebacks = this.moto
        .recentLog()
        .split('\n')
        .filter((l) => !/ "(GET|POST|PUT|DELETE) /.test(l));
      throw new Error(`${e.message}\nmoto's recent log:\n${tracebacks.slice(-30).join('\n')}`);
    });
    const missing = [...grantedSecrets].filter(([name]) => !(name in (this.options.secrets ?? {})));
    if (missing.length > 0) {
      throw new Error(
        `the template grants secrets no test value was given for: ${missing.map(([n, p]) => `${n} (${p})`).join(', ')}`,
      );
    }
  }

  /** The logical id of the one resource of `type` whose id starts with `prefix`. */
  logicalId(type: string, prefix: string): string {
    const ids = Object.entries(this.stack.template.Resources)
      .filter(([id, r]) => r.Type === type && id.startsWith(prefix))
      .map(([id]) => id);
    if (ids.length !== 1) {
      throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
    }
    return ids[0]!;
  }

  /** What the resource answers to Ref: a table name, a topic ARN, a schedule name … */
  ref(type: string, prefix: string): string {
    return this.values.get(this.logicalId(type, prefix)).ref;
  }

  fn(prefix: string): EmulatedFunction {
    const fn = this.functions.get(this.logicalId('AWS::Lambda::Function', prefix));
    if (!fn) throw new Error(`function ${prefix} is not provisioned`);
    return fn;
  }

  invoke(prefix: string, event: unknown, at: Date): Promise<InvocationResult> {
    return this.runner.invoke(this.fn(prefix), event, at);
  }

  /**
   * Fires the schedule as provisioned in moto's Scheduler on a local date in its time zone: its target
   * function gets the target's Input (an empty object without one), on the clock of the firing.
   * Undefined when the schedule does not fire that day.
   */
  async fireSchedule(
    prefix: string,
    localDate: string,
  ): Promise<{ at: Date; invocation: InvocationResult } | undefined> {
    const name = this.ref('AWS::Scheduler::Schedule', prefix);
    const schedule = await this.clients.scheduler.send(new GetScheduleCommand({ Name: name }));
    if (schedule.State !== 'ENABLED') return undefined;
    const at = firingOn(schedule.ScheduleExpression!, schedule.ScheduleExpressionTimezone ?? 'UTC', localDate);
    if (!at) return undefined;
    const target = this.functionByArn(schedule.Target!.Arn!, `schedule ${name}`);
    const event = schedule.Target!.Input === undefined ? {} : (JSON.parse(schedule.Target!.Input) as unknown);
    return { at, invocation: await this.runner.invoke(target, event, at) };
  }

  /** Everything delivered so far to an email or SMS subscription's stand-in queue, as its protocol sees it. */
  async drain(subscriptionPrefix: string): Promise<SnsDelivery[]> {
    const id = this.logicalId('AWS::SNS::Subscription', subscriptionPrefix);
    const standIn = this.standIns.find((s) => s.logicalId === id);
    if (!standIn) throw new Error(`${id} has no stand-in queue`);
    return drainStandIn(this.clients, standIn, this.recorder);
  }

  /**
   * Delivers what moto let through to each Lambda subscription: one SNS event per message to the
   * subscribed function, retried like an asynchronous invocation, dead-lettered after the last failure.
   */
  async deliverToFunctions(at: Date): Promise<FunctionDelivery[]> {
    const out: FunctionDelivery[] = [];
    for (const standIn of this.standIns.filter((s) => s.protocol === 'lambda')) {
      const fn = this.functionByArn(standIn.endpoint, `subscription ${standIn.logicalId}`);
      for (const delivery of await drainStandIn(this.clients, standIn, this.recorder)) {
        const event = snsLambdaEvent(delivery, standIn);
        const attempts: InvocationResult[] = [];
        for (const delay of ASYNC_ATTEMPT_DELAYS_MS) {
          attempts.push(await this.runner.invoke(fn, event, new Date(at.getTime() + delay)));
          if (attempts.at(-1)!.error === undefined) break;
        }
        const deadLettered = attempts.at(-1)!.error !== undefined && (await this.deadLetter(fn, event));
        out.push({ subscription: standIn.logicalId, function: fn.logicalId, delivery, attempts, deadLettered });
      }
    }
    return out;
  }

  /**
   * An extra SQS subscription on a topic of the stack with no filter policy: a probe that receives every
   * message published there, to tell "published but filtered out" from "never published".
   */
  async tap(topicPrefix: string): Promise<() => Promise<SnsDelivery[]>> {
    const topicArn = this.ref('AWS::SNS::Topic', topicPrefix);
    const probe = await createStandIn(this.clients, `${topicPrefix}Tap`, `${this.stack.stackName}-${topicPrefix}-tap`, {
      Protocol: 'sqs',
      Endpoint: 'probe',
      TopicArn: topicArn,
    });
    return () => drainStandIn(this.clients, probe, this.recorder);
  }

  /** Publishes to a topic of the stack, through the recorder (so stand-ins see the right variant). */
  async publish(topicPrefix: string, input: Omit<PublishCommandInput, 'TopicArn'>): Promise<string> {
    const TopicArn = this.ref('AWS::SNS::Topic', topicPrefix);
    const { MessageId } = await this.clients.sns.send(new PublishCommand({ ...input, TopicArn }));
    return MessageId!;
  }

  /**
   * Moves an alarm to `newState` in moto's CloudWatch and publishes CloudWatch's notification to each
   * SNS topic among that state's actions (moto runs no alarm actions itself).
   */
  async fireAlarm(
    prefix: string,
    newState: AlarmStateValue,
    at: Date,
    reason = 'Threshold Crossed: emulated',
  ): Promise<{ notification: AlarmNotification; messageIds: string[] }> {
    const name = this.ref('AWS::CloudWatch::Alarm', prefix);
    const { MetricAlarms = [] } = await this.clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }));
    const alarm = MetricAlarms[0];
    if (!alarm) throw new Error(`alarm ${name} is not in moto's CloudWatch`);
    await this.clients.cloudwatch.send(
      new SetAlarmStateCommand({ AlarmName: name, StateValue: newState, StateReason: reason }),
    );
    const notification = alarmNotification(alarm, {
      newState,
      oldState: alarm.StateValue as AlarmStateValue | undefined,
      reason,
      at,
      account: EMULATED_ACCOUNT,
      region: EMULATED_REGION,
    });
    const actions =
      alarm.ActionsEnabled === false
        ? []
        : newState === 'ALARM'
          ? alarm.AlarmActions
          : newState === 'OK'
            ? alarm.OKActions
            : alarm.InsufficientDataActions;
    const messageIds: string[] = [];
    for (const action of (actions ?? []).filter((a) => a.includes(':sns:'))) {
      const { MessageId } = await this.clients.sns.send(
        new PublishCommand({ TopicArn: action, Subject: notification.subject, Message: notification.message }),
      );
      messageIds.push(MessageId!);
    }
    return { notification, messageIds };
  }

  async stop(): Promise<void> {
    this.clients.destroy();
    this.runner.dispose();
    await Promise.allSettled([this.recorder.stop(), this.responses.stop(), this.dynamo.stop(), this.moto.stop()]);
    this.stack.dispose();
  }

  private functionByArn(arn: string, what: string): EmulatedFunction {
    const fn = [...this.functions.values()].find((f) => f.arn === arn);
    if (!fn) throw new Error(`${what} targets ${arn}, which is no function of the stack`);
    return fn;
  }

  private async deadLetter(fn: EmulatedFunction, event: unknown): Promise<boolean> {
    const target = this.stack.template.Resources[fn.logicalId]?.Properties?.DeadLetterConfig?.TargetArn;
    if (target === undefined) return false;
    const arn = await this.values.resolveString(target, `Resources.${fn.logicalId}.Properties.DeadLetterConfig`);
    const { QueueUrl } = await this.clients.sqs.send(new GetQueueUrlCommand({ QueueName: arn.split(':').pop()! }));
    await this.clients.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(event) }));
    return true;
  }

  /**
   * CloudFormation's Create request to the ServiceToken function, which must PUT its answer to the
   * request's ResponseURL (the registry-sync function speaks the protocol itself since the Provider
   * framework was removed, commit 7c5bb77); provisioning fails without a SUCCESS answer.
   */
  private async createCustomResource(logicalId: string, resource: CfnResource): Promise<ProvisionedResource> {
    const { ServiceToken, ...properties } = (await this.values.resolve(
      resource.Properties ?? {},
      `Resources.${logicalId}.Properties`,
    )) as Record<string, unknown>;
    const token = this.functionByArn(String(ServiceToken), `custom resource ${logicalId}`);
    const requestId = this.responses.newRequestId();
    const event = createRequest({
      env: this.values.env,
      logicalId,
      resourceType: resource.Type,
      serviceToken: String(ServiceToken),
      properties,
      responseUrl: this.responses.responseUrl(requestId),
      requestId,
    });
    const invocation = await this.runner.invoke(token, event, this.options.deployedAt);
    const response = await this.responses.response(requestId, 2_000).catch((e: Error) => {
      throw new Error(
        `${logicalId}: ${e.message}; the function ended with ${invocation.outcome}\n${invocation.output}`,
      );
    });
    this.customResourceResponses.set(logicalId, response);
    if (response.Status !== 'SUCCESS') {
      throw new Error(`${logicalId} (${resource.Type}) answered ${response.Status}: ${response.Reason ?? 'no reason'}`);
    }
    return {
      ref: response.PhysicalResourceId,
      attributes: Object.fromEntries(Object.entries(response.Data ?? {}).map(([k, v]) => [k, String(v)])),
    };
  }
}
