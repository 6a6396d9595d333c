import { Match } from 'aws-cdk-lib/assertions';
import { fixture, logicalId, synthGuard } from './support/guard-stack';
import { ServiceKind, VendorAccount } from '../../src';
import { WATCH_INPUT } from '../../src/shared/poller-input';

describe('the closer watch', () => {
  it('runs the poller hourly with the watch input, retrying and dead-lettering like the daily check', () => {
    const synth = synthGuard({ configFile: fixture('guard.yaml') });
    const poller = logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller');
    const queue = logicalId(synth.template, 'AWS::SQS::Queue', 'GuardDeadLetterQueue');

    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [poller, 'Arn'] },
        Input: JSON.stringify(WATCH_INPUT),
        RoleArn: { 'Fn::GetAtt': [logicalId(synth.template, 'AWS::IAM::Role', 'GuardSchedulerRole'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      },
    });
    // the daily check keeps its own input-less target
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: Match.stringLikeRegexp('^cron\\('),
      Target: Match.objectLike({ Input: Match.absent() }),
    });
  });

  it('is not deployed when the config watches no vendor account', () => {
    const synth = synthGuard({});

    const rates = Object.values(synth.template.findResources('AWS::Scheduler::Schedule')).filter((s) =>
      String(s.Properties.ScheduleExpression).startsWith('rate('),
    );
    expect(rates).toEqual([]);
  });

  it('is not deployed when every account is manual, since the watch never polls one', () => {
    const synth = synthGuard({
      accounts: [VendorAccount.manual({ accountId: 'contracts' })],
      services: [
        {
          serviceId: 'cdn-contract',
          name: 'CDN contract',
          project: 'web',
          account: 'contracts',
          kind: ServiceKind.CONTRACT,
          expiresOn: '2026-12-31',
          owners: ['alice@example.com'],
        },
      ],
    });

    const rates = Object.values(synth.template.findResources('AWS::Scheduler::Schedule')).filter((s) =>
      String(s.Properties.ScheduleExpression).startsWith('rate('),
    );
    expect(rates).toEqual([]);
    synth.template.resourcePropertiesCountIs(
      'AWS::Scheduler::Schedule',
      { ScheduleExpression: Match.stringLikeRegexp('^cron\\(') },
      1,
    );
  });
});
