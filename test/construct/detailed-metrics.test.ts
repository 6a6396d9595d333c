import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { RenewalGuard, Severity } from '../../src';
import { fixture, logicalId, synthGuard } from './support/guard-stack';

const PER_SERVICE_OR_ACCOUNT = ['DaysToExpiry', 'Balance', 'RunwayDays', 'SpendPerDay'];

const ALARM_BELOW_7 = {
  threshold: 7,
  comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
  evaluationPeriods: 1,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
};

function pollerEnvironment(synth: ReturnType<typeof synthGuard>): Record<string, unknown> {
  const fn = synth.template.toJSON().Resources[logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller')];
  return fn.Properties.Environment.Variables;
}

describe('detailedMetrics', () => {
  it('is off by default: the poller is told false and the guard says so', () => {
    // Act
    const synth = synthGuard({ configFile: fixture('guard.yaml') });

    // Assess
    expect(synth.guard.detailedMetrics).toBe(false);
    expect(pollerEnvironment(synth).RENEWAL_GUARD_DETAILED_METRICS).toBe('false');
  });

  it('tells the poller to publish the per-service and per-account metrics when set', () => {
    // Act
    const synth = synthGuard({ configFile: fixture('guard.yaml'), detailedMetrics: true });

    // Assess
    expect(synth.guard.detailedMetrics).toBe(true);
    expect(pollerEnvironment(synth).RENEWAL_GUARD_DETAILED_METRICS).toBe('true');
  });

  it('keeps the default alarms and the dashboard on metrics published without it', () => {
    // Act
    const synth = synthGuard({ configFile: fixture('dingtalk.yaml') });

    // Assess
    const alarmsAndDashboard = JSON.stringify({
      alarms: synth.template.findResources('AWS::CloudWatch::Alarm'),
      dashboard: synth.template.findResources('AWS::CloudWatch::Dashboard'),
    });
    for (const name of PER_SERVICE_OR_ACCOUNT) expect(alarmsAndDashboard).not.toContain(`"${name}"`);
    expect(alarmsAndDashboard).toContain('CycleCompleted');
  });

  it('fails synthesis, naming the alarm and the fix, when an alarm watches a per-service metric without it', () => {
    // Act
    const synthesize = () =>
      synthGuard(
        { configFile: fixture('guard.yaml') },
        {
          beforeSynth: (stack, g) => void g.metricDaysToExpiry('live-rtc').createAlarm(stack, 'LiveRtc', ALARM_BELOW_7),
        },
      );

    // Assess
    expect(synthesize).toThrow(
      /alarm GuardStack\/LiveRtc watches DaysToExpiry of RenewalGuard GuardStack-Guard-[0-9A-F]{8}, which is published only with detailedMetrics: true\. Set detailedMetrics: true on the guard .*or alarm on a guard-level metric such as metricMinDaysToExpiry\(\) or metricMinRunwayDays\(\)\./,
    );
  });

  it('also finds a per-account metric inside a math expression', () => {
    // Act
    const synthesize = () =>
      synthGuard(
        { configFile: fixture('guard.yaml') },
        {
          beforeSynth: (stack, g) =>
            void new cloudwatch.MathExpression({
              expression: 'balance / 2',
              usingMetrics: { balance: g.metricBalance('agora-main') },
            }).createAlarm(stack, 'HalfBalance', ALARM_BELOW_7),
        },
      );

    // Assess
    expect(synthesize).toThrow(/alarm GuardStack\/HalfBalance watches Balance of RenewalGuard/);
  });

  it('lets alarms watch guard-level metrics, and graphs of per-service metrics, without it', () => {
    // Act
    const synth = synthGuard(
      { configFile: fixture('guard.yaml') },
      {
        beforeSynth: (stack, g) => {
          g.metricMinDaysToExpiry().createAlarm(stack, 'Nearest', ALARM_BELOW_7);
          g.metricAlertsSentBySeverity(Severity.EMERGENCY).createAlarm(stack, 'Emergencies', ALARM_BELOW_7);
          new cloudwatch.Dashboard(stack, 'Mine', {
            widgets: [[new cloudwatch.GraphWidget({ left: [g.metricDaysToExpiry('live-rtc')] })]],
          });
        },
      },
    );

    // Assess
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'MinDaysToExpiry' });
    synth.template.resourceCountIs('AWS::CloudWatch::Dashboard', 2);
  });

  it('lets an alarm watch the per-service metric of another guard that publishes it', () => {
    // Act
    const synth = synthGuard(
      { configFile: fixture('guard.yaml') },
      {
        beforeSynth: (stack) => {
          const detailed = new RenewalGuard(stack, 'Detailed', {
            configFile: fixture('guard.yaml'),
            detailedMetrics: true,
          });
          detailed.metricDaysToExpiry('live-rtc').createAlarm(stack, 'LiveRtc', ALARM_BELOW_7);
        },
      },
    );

    // Assess
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'DaysToExpiry' });
  });
});

describe('the guard-level metric methods', () => {
  const synth = synthGuard({ configFile: fixture('guard.yaml') });
  const guard = synth.guard;

  function rendered(metric: cloudwatch.IMetric) {
    const stat = metric.toMetricConfig().metricStat!;
    return {
      metricName: stat.metricName,
      dimensions: Object.fromEntries((stat.dimensions ?? []).map((d) => [d.name, d.value])),
      statistic: stat.statistic,
      period: stat.period.toSeconds(),
    };
  }

  it.each([
    ['metricMinDaysToExpiry', 'MinDaysToExpiry', 'Minimum', () => guard.metricMinDaysToExpiry(), {}],
    ['metricMinRunwayDays', 'MinRunwayDays', 'Minimum', () => guard.metricMinRunwayDays(), {}],
    ['metricDeliveryFailures', 'DeliveryFailures', 'Sum', () => guard.metricDeliveryFailures(), {}],
    [
      'metricAlertsSentBySeverity',
      'AlertsSent',
      'Sum',
      () => guard.metricAlertsSentBySeverity(Severity.CRITICAL),
      { Severity: 'critical' },
    ],
  ])('%s reads %s of this guard, %s per day', (_method, metricName, statistic, make, extra) => {
    expect(rendered(make())).toEqual({
      metricName,
      dimensions: { Guard: guard.guardName, ...extra },
      statistic,
      period: 86400,
    });
  });
});
