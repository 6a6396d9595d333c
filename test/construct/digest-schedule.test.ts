/** The weekly digest's own run of the check, at its slot in the guard's zone. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture, logicalId, synthGuard } from './support/guard-stack';

function configWithDigest(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-digest-'));
  const file = path.join(dir, 'guard.yaml');
  fs.writeFileSync(
    file,
    `${fs.readFileSync(fixture('guard.yaml'), 'utf8')}\ndigest: { weekday: MON, time: "10:15" }\n`,
  );
  return file;
}

describe('the weekly digest schedule', () => {
  it('runs the check at the digest slot in the config time zone, through the daily check target', () => {
    const synth = synthGuard({ configFile: configWithDigest() });

    const schedules = synth.template.findResources('AWS::Scheduler::Schedule');
    expect(Object.keys(schedules)).toHaveLength(2);
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

    expect(Object.keys(synth.template.findResources('AWS::Scheduler::Schedule'))).toHaveLength(1);
    expect(synth.guard.digestSchedule).toBeUndefined();
  });
});
