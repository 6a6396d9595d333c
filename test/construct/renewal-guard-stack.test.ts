import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RenewalGuardStack } from '../../src';
import { fixture } from './support/guard-stack';

describe('RenewalGuardStack', () => {
  it('holds one guard built from the stack props', () => {
    const app = new App();
    const stack = new RenewalGuardStack(app, 'RenewalGuard', {
      configFile: fixture('guard.yaml'),
      env: { account: '111111111111', region: 'ap-southeast-1' },
      description: 'RenewalGuard for the live app',
    });

    const template = Template.fromStack(stack);
    expect(stack.guard.node.path).toBe('RenewalGuard/Guard');
    expect(template.toJSON().Description).toBe('RenewalGuard for the live app');
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpressionTimezone: 'Asia/Shanghai' });
    // the channels' three recipients on the alert topic, and again on the alarm topic as its operators
    template.resourceCountIs('AWS::SNS::Subscription', 6);
  });

  it('outputs the links URL and the secret that holds the calendar feed token', () => {
    const stack = new RenewalGuardStack(new App(), 'RenewalGuard', { configFile: fixture('guard.yaml') });

    const outputs = Template.fromStack(stack).toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(['GuardName', 'LinksUrl', 'LinkSecretArn']);
    // the value of the renewal-guard:guard tag that opens a vendor credential secret to the poller
    expect(outputs.GuardName.Value).toBe(stack.guard.guardName);
    expect(outputs.LinksUrl.Value).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^GuardLinksFunctionUrl/), 'FunctionUrl'],
    });
    expect(outputs.LinkSecretArn.Value).toEqual({ Ref: expect.stringMatching(/^GuardLinkSecret/) });
  });

  it('outputs only the guard name when the guard deploys no links', () => {
    const stack = new RenewalGuardStack(new App(), 'RenewalGuard');

    expect(Object.keys(Template.fromStack(stack).toJSON().Outputs)).toEqual(['GuardName']);
  });
});
