/** The guard's core resources beyond the table and functions: its key, the registry sync, the schedule. */
import { CustomResource, Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LoadedConfig } from './config-loader';
import { WATCH_INPUT } from '../shared/poller-input';
import { isInQuietWindow } from '../shared/quiet-window';

export function createGuardKey(scope: Construct, removalPolicy: RemovalPolicy): kms.Key {
  const key = new kms.Key(scope, 'Key', {
    description: `RenewalGuard ${scope.node.path}: registry, alert topic and dead-letter queue`,
    enableKeyRotation: true,
    removalPolicy,
  });
  allowCloudWatchAlarmsToUseKey(key, Stack.of(scope).account);
  return key;
}

/**
 * CloudWatch alarms that publish to a topic encrypted with `key` (the guard's alarm and alert topics, for
 * its alarms or yours) need the key; an AWS managed key could not grant this. A key imported by ARN keeps
 * its own policy: the statement is not added, and the props say what it must allow.
 *
 * @returns whether the statement is in the key's policy
 */
export function allowCloudWatchAlarmsToUseKey(key: kms.IKey, account: string): boolean {
  return key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublishToTheAlertTopic',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }),
  ).statementAdded;
}

/**
 * A custom resource whose properties change with the config, so every config change re-syncs. Its
 * ServiceToken is the sync function itself, which answers CloudFormation on its own: the CDK Provider
 * framework would add a function whose runtime aws-cdk-lib picks by region (nodejs20.x or older before
 * 2.2xx — creation disabled since 2026-06-01).
 *
 * The id differs from the Provider-backed resource of earlier versions on purpose: CloudFormation
 * refuses to change a custom resource's ServiceToken, so an upgrade creates this one and deletes that.
 */
export function addRegistrySync(scope: Construct, onEvent: lambda.IFunction, configHash: string): CustomResource {
  return new CustomResource(scope, 'RegistrySyncOnDeploy', {
    serviceToken: onEvent.functionArn,
    resourceType: 'Custom::RenewalGuardRegistrySync',
    properties: { ConfigHash: configHash },
  });
}

/**
 * What a sender to the encrypted dead-letter queue needs from the key; `sqs:SendMessage` itself comes
 * with the Lambda and Scheduler dead-letter configuration.
 */
export function grantDeadLetterEncryption(key: kms.IKey, grantee: iam.IGrantable): void {
  key.grant(grantee, 'kms:Decrypt', 'kms:GenerateDataKey');
}

export interface GuardSchedules {
  readonly daily: scheduler.Schedule;
  /** A run of the check at the digest's slot, so the weekly digest goes out on time; absent without a digest. */
  readonly digest?: scheduler.Schedule;
  /**
   * A run of the check when quiet hours end, to deliver what they held; only when the daily check or the
   * digest falls inside them (otherwise nothing a scheduled run decides is ever held).
   */
  readonly quietHoursEnd?: scheduler.Schedule;
  /**
   * The hourly closer watch: the poller with `WATCH_INPUT` polls only the accounts whose runway is under
   * two days, so a spend spike that would empty a balance before tomorrow's check is caught the same day.
   * Absent when the config has no account to poll (none, or only `manual` ones).
   */
  readonly closerWatch?: scheduler.Schedule;
}

/**
 * The daily check: a cron at `checkTime` in `timeZone`, two retries, then the dead-letter queue. With a
 * weekly digest, a second cron runs the same check at the digest's slot (`digest.weekday` at
 * `digest.time`): the cycle sends the digest once per slot, so a slot that coincides with the daily
 * check, or a retry, sends nothing twice.
 */
export function addSchedules(
  scope: Construct,
  config: LoadedConfig,
  resources: { poller: lambda.IFunction; deadLetterQueue: sqs.IQueue; key: kms.IKey },
): GuardSchedules {
  const role = new iam.Role(scope, 'SchedulerRole', {
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
    description: 'RenewalGuard: invoke the daily check',
  });
  grantDeadLetterEncryption(resources.key, role);
  const target = new targets.LambdaInvoke(resources.poller, {
    role,
    deadLetterQueue: resources.deadLetterQueue,
    retryAttempts: 2,
    maxEventAge: Duration.hours(1),
  });
  const cron = (id: string, description: string, time: string, weekDay?: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return new scheduler.Schedule(scope, id, {
      description,
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(minute),
        hour: String(hour),
        ...(weekDay !== undefined && { weekDay }),
        timeZone: TimeZone.of(config.timeZone),
      }),
      target,
    });
  };
  const daily = cron(
    'DailyCheck',
    `RenewalGuard daily check at ${config.checkTime} ${config.timeZone}`,
    config.checkTime,
  );
  const digest = config.digest
    ? cron(
        'WeeklyDigest',
        `RenewalGuard weekly digest on ${config.digest.weekday} at ${config.digest.time} ${config.timeZone}`,
        config.digest.time,
        config.digest.weekday,
      )
    : undefined;
  const quiet = config.quietHours;
  const heldByQuietHours =
    quiet !== undefined &&
    [config.checkTime, ...(config.digest ? [config.digest.time] : [])].some((t) => isInQuietWindow(t, quiet));
  const quietHoursEnd = heldByQuietHours
    ? cron('QuietHoursEnd', `RenewalGuard: deliver what quiet hours held, at ${quiet.to} ${config.timeZone}`, quiet.to)
    : undefined;
  // ~730 invocations a month; with no account under watch each reads one registry partition and stops.
  // A manual account is never polled, so never watched (lambda/core/accounts/closer-watch.ts).
  const closerWatch = config.accounts.some((a) => a.vendor !== 'manual')
    ? new scheduler.Schedule(scope, 'CloserWatch', {
        description: 'RenewalGuard closer watch: poll hourly the accounts whose runway is under two days',
        schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
        target: new targets.LambdaInvoke(resources.poller, {
          role,
          deadLetterQueue: resources.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          input: scheduler.ScheduleTargetInput.fromObject(WATCH_INPUT),
        }),
      })
    : undefined;
  return {
    daily,
    ...(digest && { digest }),
    ...(quietHoursEnd && { quietHoursEnd }),
    ...(closerWatch && { closerWatch }),
  };
}
