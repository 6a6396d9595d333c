import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The window of the dead-man's switch: a daily check plus two hours for retries and a late start. */
export const DEAD_MANS_SWITCH_HOURS = 26;

export interface GuardAlarmsProps {
  readonly guardName: string;
  /** `CycleCompleted`, Sum; its period is set here. */
  readonly cycleCompleted: cloudwatch.Metric;
  /** `PollFailures`, Sum; its period is set here. */
  readonly pollFailures: cloudwatch.Metric;
  readonly pollerFunction: lambda.IFunction;
  readonly deadLetterQueue: sqs.IQueue;
  /** Receives every alarm's ALARM notification. */
  readonly topic: sns.ITopic;
}

export interface GuardAlarms {
  readonly deadMansSwitch: cloudwatch.Alarm;
  readonly pollerErrors: cloudwatch.Alarm;
  readonly deadLetters: cloudwatch.Alarm;
  readonly pollFailures: cloudwatch.Alarm;
}

/**
 * The guard's default alarms. Their names start with the guard's name, so the notification subject says
 * which guard; their descriptions say what the state means and what to do, since they are the body of
 * the notification an operator reads first.
 */
export function createGuardAlarms(scope: Construct, props: GuardAlarmsProps): GuardAlarms {
  const create = alarmFactory(scope, props.guardName, props.topic);
  const fn = props.pollerFunction.functionName;

  // "No completed cycle within 26 hours" as 26 hourly datapoints that must all be zero. The metric is
  // wrapped in FILL(…, 0) because CloudWatch evaluates with every real datapoint in its evaluation range,
  // which reaches further back than the 26 periods: without FILL, the last cycle's datapoint would keep
  // the alarm OK for hours after it left the window (see test/construct/alarm-evaluation.test.ts). Filled,
  // every hour is a real datapoint and the newest 26 decide. With no data at all (a new or long-dead
  // guard) FILL may return nothing, which BREACHING treats as 26 breaching hours.
  const deadMansSwitch = create('DeadMansSwitchAlarm', 'DeadMansSwitch', {
    metric: new cloudwatch.MathExpression({
      expression: 'FILL(cycles, 0)',
      usingMetrics: { cycles: props.cycleCompleted.with({ period: Duration.hours(1) }) },
      period: Duration.hours(1),
      label: 'Completed daily checks per hour',
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: DEAD_MANS_SWITCH_HOURS,
    datapointsToAlarm: DEAD_MANS_SWITCH_HOURS,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    alarmDescription:
      `RenewalGuard ${props.guardName} has not completed a daily check in ${DEAD_MANS_SWITCH_HOURS} hours ` +
      '(a check that could not deliver every alert does not count): reminders and balance warnings may not ' +
      'be reaching anyone. Read the logs of the poller function ' +
      `${fn} and the messages in the dead-letter queue; the PollerErrors alarm usually says why ` +
      '(credentials, permissions, a timeout, a disabled schedule). After fixing the cause, invoke the poller ' +
      'once: the next completed check catches up missed reminders and returns this alarm to OK. Right after ' +
      'the first deploy this alarm is in ALARM until the first check completes.',
  });

  // One hour: a failed check and its automatic retries (minutes apart) make one notification, and the
  // alarm is back to OK before the next day's check, so a failure that repeats daily notifies daily.
  const pollerErrors = create('PollerErrorsAlarm', 'PollerErrors', {
    metric: props.pollerFunction.metricErrors({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
    ...ON_ANY_OCCURRENCE,
    alarmDescription:
      `The RenewalGuard ${props.guardName} daily check (function ${fn}) failed in the last hour. It is ` +
      'retried automatically; if every attempt fails, the check goes to the dead-letter queue and the ' +
      "day's reminders wait for the next check. Find the error in the function's log group (level ERROR), " +
      'fix the cause (vendor credentials, registry or topic permissions, a timeout), then invoke the ' +
      'function once to run the check again.',
  });

  const deadLetters = create('DeadLetterQueueAlarm', 'DeadLetters', {
    metric: deadLetterDepth(props.deadLetterQueue),
    ...ON_ANY_OCCURRENCE,
    alarmDescription:
      `A RenewalGuard ${props.guardName} daily check could not be delivered to, or kept failing in, the ` +
      `poller function ${fn}, and was dead-lettered in queue ${props.deadLetterQueue.queueName}: that day's ` +
      'check did not complete. Read the message and its error attributes, fix the cause, invoke the poller ' +
      'once to catch up, then purge the queue; the alarm returns to OK when the queue is empty. Messages ' +
      'are kept 14 days.',
  });

  const pollFailures = create('PollFailuresAlarm', 'PollFailures', {
    metric: props.pollFailures.with({ period: Duration.hours(1) }),
    ...ON_ANY_OCCURRENCE,
    alarmDescription:
      `Warning: the last RenewalGuard ${props.guardName} check could not read at least one vendor account. ` +
      'The check carried on with the others, and an account that stays unreadable raises a blind-spot alert ' +
      "to its channels; this alarm is for the guard's operators. Find the account and the error in the " +
      `poller function's logs (${fn}): expired or rotated credentials, a changed vendor API, throttling or ` +
      "the vendor's own outage.",
  });

  return { deadMansSwitch, pollerErrors, deadLetters, pollFailures };
}

export interface NotifierAlarmsProps {
  readonly guardName: string;
  readonly notifierFunction: lambda.IFunction;
  readonly deadLetterQueue: sqs.IQueue;
  readonly topic: sns.ITopic;
}

export interface NotifierAlarms {
  readonly notifierErrors: cloudwatch.Alarm;
  readonly notifierDeadLetters: cloudwatch.Alarm;
}

/**
 * The notifier's alarms, for guards that deliver to chat, webhook or PagerDuty channels. They notify the
 * alarm topic, which reaches email and SMS, not the chat channels whose delivery may be what failed.
 */
export function createNotifierAlarms(scope: Construct, props: NotifierAlarmsProps): NotifierAlarms {
  const create = alarmFactory(scope, props.guardName, props.topic);
  const fn = props.notifierFunction.functionName;

  // Like PollerErrors: an alert and its automatic retries make one notification.
  const notifierErrors = create('NotifierErrorsAlarm', 'NotifierErrors', {
    metric: props.notifierFunction.metricErrors({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
    ...ON_ANY_OCCURRENCE,
    alarmDescription:
      `The RenewalGuard ${props.guardName} notifier (function ${fn}) could not deliver an alert to at least ` +
      'one chat, webhook or PagerDuty channel in the last hour; the other channels got it. It is retried ' +
      'automatically, and an alert that keeps failing is kept in the notifier dead-letter queue. Find the ' +
      "channel and the error in the function's log group (level ERROR): a wrong or rotated webhook URL, " +
      'signing secret or routing key in the channel secret, a robot removed from its group, throttling.',
  });

  const notifierDeadLetters = create('NotifierDeadLetterQueueAlarm', 'NotifierDeadLetters', {
    metric: deadLetterDepth(props.deadLetterQueue),
    ...ON_ANY_OCCURRENCE,
    alarmDescription:
      `An alert of RenewalGuard ${props.guardName} could not be delivered to its chat, webhook or PagerDuty ` +
      `channels by the notifier ${fn}, even after retries, and is kept in queue ` +
      `${props.deadLetterQueue.queueName}: someone may not have been told. Read the alert in the message, ` +
      "fix the cause (the NotifierErrors alarm and the function's logs say which channel and why), tell the " +
      "alert's owners if it is urgent, then purge the queue; the alarm returns to OK when it is empty. " +
      'Messages are kept 14 days.',
  });

  return { notifierErrors, notifierDeadLetters };
}

/** An alarm on anything happening at all: one datapoint of at least 1 in a period; no data is no news. */
const ON_ANY_OCCURRENCE = {
  threshold: 1,
  comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  evaluationPeriods: 1,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
} as const;

/** Messages waiting in a dead-letter queue, looked at every five minutes. */
function deadLetterDepth(queue: sqs.IQueue): cloudwatch.Metric {
  return queue.metricApproximateNumberOfMessagesVisible({
    period: Duration.minutes(5),
    statistic: cloudwatch.Stats.MAXIMUM,
  });
}

type AlarmFactory = (id: string, suffix: string, props: Omit<cloudwatch.AlarmProps, 'alarmName'>) => cloudwatch.Alarm;

function alarmFactory(scope: Construct, guardName: string, topic: sns.ITopic): AlarmFactory {
  const action = new cloudwatchActions.SnsAction(topic);
  return (id, suffix, alarmProps) => {
    const alarm = new cloudwatch.Alarm(scope, id, { ...alarmProps, alarmName: `${guardName}-${suffix}` });
    alarm.addAlarmAction(action);
    return alarm;
  };
}

/**
 * Lets CloudWatch alarms of this account publish to a topic the guard owns. The topic's policy (it has
 * one: it refuses non-TLS requests) replaces the SNS default that would have let them, so without this
 * statement every alarm action fails with "not authorized to perform: SNS:Publish".
 */
export function allowCloudWatchAlarmsToPublish(topic: sns.ITopic): void {
  const stack = Stack.of(topic);
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsOfThisAccountToPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: {
          'aws:SourceArn': stack.formatArn({
            service: 'cloudwatch',
            resource: 'alarm',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
}
