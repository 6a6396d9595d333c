/** The check's extra runs: at the weekly digest's slot, and when quiet hours end if they hold the daily check. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Template } from 'aws-cdk-lib/assertions';
import { fixture, logicalId, synthGuard } from './support/guard-stack';

function configWith(extra: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-digest-'));
  const file = path.join(dir, 'guard.yaml');
  fs.writeFileSync(file, `${fs.readFileSync(fixture('guard.yaml'), 'utf8')}\n${extra}\n`);
  return file;
}

/** The runs of the check at a time of day (the hourly closer watch, a `rate`, aside). */
function checkRuns(template: Template): string[] {
  return Object.entries(template.findResources('AWS::Scheduler::Schedule'))
    .filter(([, s]) => String(s.Properties.ScheduleExpression).startsWith('cron('))
    .map(([id]) => id);
}

function configWithDigest(): string {
  return configWith('digest: { weekday: MON, time: "10:15" }');
}

describe('the weekly digest schedule', () => {
  it('runs the check at the digest slot in the config time zone, through the daily check target', () => {
    const synth = synthGuard({ configFile: configWithDigest() });

    expect(checkRuns(synth.template)).toHaveLength(2);
    const poller = logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller');
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(15 10 ? * MON *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: { Arn: { 'Fn::GetAtt': [poller, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } },
    });
    expect(synth.guard.digestSchedule).toBeDefined();
  });

  it('is absent when the config sets no digest', () => {
    const synth = synthGuard({ configFile: fixture('guard.yaml') });

    expect(checkRuns(synth.template)).toHaveLength(1);
    expect(synth.guard.digestSchedule).toBeUndefined();
  });
});

describe('the run at the end of quiet hours', () => {
  it('is scheduled when the daily check falls inside quiet hours, so what they held goes out when they end', () => {
    // guard.yaml checks at 09:30
    const synth = synthGuard({ configFile: configWith('quietHours: { from: "21:00", to: "09:45" }') });

    expect(checkRuns(synth.template)).toHaveLength(2);
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(45 9 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
    });
  });

  it('is not scheduled when no scheduled run falls inside them', () => {
    const synth = synthGuard({ configFile: configWith('quietHours: { from: "22:00", to: "08:00" }') });

    expect(checkRuns(synth.template)).toHaveLength(1);
  });
});
