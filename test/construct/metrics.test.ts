import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { RenewalGuard } from '../../src';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';

describe('the metric methods', () => {
  let synth: SynthesizedGuard;
  let guard: RenewalGuard;
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('guard.yaml') });
    guard = synth.guard;
  });

  /** What a metric renders to in an alarm, where its namespace, dimensions, statistic and period land. */
  function rendered(metric: cloudwatch.IMetric) {
    const config = metric.toMetricConfig().metricStat!;
    return {
      namespace: config.namespace,
      metricName: config.metricName,
      dimensions: Object.fromEntries((config.dimensions ?? []).map((d) => [d.name, d.value])),
      statistic: config.statistic,
      period: config.period.toSeconds(),
    };
  }

  it('names the guard after its stack and construct path', () => {
    expect(guard.guardName).toMatch(/^GuardStack-Guard-[0-9A-F]{8}$/);
  });

  it('gives the poller the guard name, which its metrics carry as the Guard dimension', () => {
    const fn = synth.template.toJSON().Resources[logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller')];

    expect(fn.Properties.Environment.Variables.RENEWAL_GUARD_NAME).toBe(guard.guardName);
  });

  it.each([
    [
      'metricDaysToExpiry',
      'DaysToExpiry',
      'Minimum',
      () => guard.metricDaysToExpiry('live-rtc'),
      { ServiceId: 'live-rtc' },
    ],
    [
      'metricRunwayDays',
      'RunwayDays',
      'Minimum',
      () => guard.metricRunwayDays('agora-main'),
      { AccountId: 'agora-main' },
    ],
    ['metricBalance', 'Balance', 'Minimum', () => guard.metricBalance('agora-main'), { AccountId: 'agora-main' }],
    [
      'metricSpendPerDay',
      'SpendPerDay',
      'Average',
      () => guard.metricSpendPerDay('tencent-trtc'),
      { AccountId: 'tencent-trtc' },
    ],
    ['metricPollFailures', 'PollFailures', 'Sum', () => guard.metricPollFailures(), {}],
    ['metricAlertsSent', 'AlertsSent', 'Sum', () => guard.metricAlertsSent(), {}],
    ['metricCycleCompleted', 'CycleCompleted', 'Sum', () => guard.metricCycleCompleted(), {}],
    ['metric', 'CycleCompleted', 'Average', () => guard.metric('CycleCompleted'), {}],
  ])(
    '%s reads %s of this guard in the RenewalGuard namespace, %s per day',
    (_name, metricName, statistic, make, extra) => {
      expect(rendered(make())).toEqual({
        namespace: 'RenewalGuard',
        metricName,
        dimensions: { Guard: guard.guardName, ...extra },
        statistic,
        period: 86400,
      });
    },
  );

  it('applies the options given over the defaults', () => {
    const metric = guard.metricRunwayDays('agora-main', {
      period: Duration.hours(6),
      statistic: 'Maximum',
      label: 'runway',
    });

    expect(rendered(metric)).toMatchObject({ period: 21600, statistic: 'Maximum' });
    expect(metric.label).toBe('runway');
  });

  it('adds dimensions given in the options to the Guard dimension instead of replacing it', () => {
    const metric = guard.metric('Custom', { dimensionsMap: { Extra: 'x' } });

    expect(rendered(metric).dimensions).toEqual({ Guard: guard.guardName, Extra: 'x' });
  });

  it('renders into an alarm of the consumer with its namespace, dimensions, statistic and period', () => {
    const consumer = synthGuard(
      { configFile: fixture('guard.yaml'), detailedMetrics: true },
      {
        beforeSynth: (stack, g) =>
          g.metricDaysToExpiry('live-rtc').createAlarm(stack, 'LiveRtcExpiry', {
            threshold: 7,
            comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
            evaluationPeriods: 1,
          }),
      },
    );

    consumer.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'RenewalGuard',
      MetricName: 'DaysToExpiry',
      Dimensions: [
        { Name: 'Guard', Value: consumer.guard.guardName },
        { Name: 'ServiceId', Value: 'live-rtc' },
      ],
      Statistic: 'Minimum',
      Period: 86400,
      Threshold: 7,
    });
  });

  it('refuses a service id the config does not declare, naming the method and the fix', () => {
    expect(() => guard.metricDaysToExpiry('live-rtx')).toThrow(
      "unknown serviceId 'live-rtx' in metricDaysToExpiry: use the serviceId of a service declared in the config",
    );
  });

  it.each([
    ['metricRunwayDays', () => guard.metricRunwayDays('agora')],
    ['metricBalance', () => guard.metricBalance('agora')],
    ['metricSpendPerDay', () => guard.metricSpendPerDay('agora')],
  ])('%s refuses an account id the config does not declare', (method, call) => {
    expect(call).toThrow(
      `unknown accountId 'agora' in ${method}: use the accountId of an account declared in the config`,
    );
  });

  it('has no notifier metric without a notifier, and says why', () => {
    expect(() => guard.metricNotifierErrors()).toThrow(
      'metricNotifierErrors: this guard has no notifier; it is created when the config declares a chat, webhook or pagerduty channel',
    );
  });
});

describe('metricNotifierErrors', () => {
  it("counts the notifier function's errors: Sum per hour, options applied over the defaults", () => {
    const synth = synthGuard({ configFile: fixture('dingtalk.yaml') });
    const notifier = logicalId(synth.template, 'AWS::Lambda::Function', 'GuardNotifier');
    const metric = (m: cloudwatch.IMetric) => {
      const stat = m.toMetricConfig().metricStat!;
      return {
        namespace: stat.namespace,
        metricName: stat.metricName,
        dimensions: synth.stack.resolve(stat.dimensions),
        statistic: stat.statistic,
        period: stat.period.toSeconds(),
      };
    };

    expect(metric(synth.guard.metricNotifierErrors())).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: [{ name: 'FunctionName', value: { Ref: notifier } }],
      statistic: 'Sum',
      period: 3600,
    });
    expect(metric(synth.guard.metricNotifierErrors({ period: Duration.days(1) })).period).toBe(86400);
  });
});
