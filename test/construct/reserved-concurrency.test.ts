/**
 * `reservedConcurrency`: Lambda refuses any reservation that leaves an account fewer than 100 unreserved
 * concurrent executions, so a guard that reserves some cannot deploy into a new account whose quota is
 * still 10 or 50. With `reservedConcurrency: false` the template reserves none, and the links' public
 * traffic is bounded by an HTTP API's stage throttle instead.
 */
import { Aspects } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LinksEndpoint } from '../../src';
import { nagFindings } from './support/nag-findings';
import { ONE_SERVICE, regionChannels, synthStackIn } from './support/region-stacks';
import { HTTP_API_THROTTLE } from '../../src/private/guard-links';

/** Per function handler, its ReservedConcurrentExecutions (absent: none reserved). */
function reservations(template: Template): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(template.findResources('AWS::Lambda::Function')).map((fn) => [
      String(fn.Properties.Handler).split('/')[0],
      fn.Properties.ReservedConcurrentExecutions,
    ]),
  );
}

function teamStack(extra: { reservedConcurrency?: boolean; linksEndpoint?: LinksEndpoint } = {}) {
  return synthStackIn(
    'us-east-1',
    (holder) => ({
      timeZone: 'Asia/Shanghai',
      services: ONE_SERVICE,
      channels: regionChannels(holder, 'us-east-1'), // email, SMS and Slack: the notifier is deployed
      ...extra,
    }),
    (app) => Aspects.of(app).add(new AwsSolutionsChecks()),
  );
}

describe('reservedConcurrency', () => {
  it('reserves 1 for the notifier and 5 for the links behind their function URL by default', () => {
    const { template } = teamStack();

    expect(reservations(template)).toEqual({
      'ack-and-calendar': 5,
      notify: 1,
      'poll-and-evaluate': undefined,
      'sync-registry': undefined,
    });
    template.resourceCountIs('AWS::Lambda::Url', 1);
  });

  it('reserves nothing when false, and serves the links through a throttled HTTP API, nag-clean', () => {
    const synth = teamStack({ reservedConcurrency: false });

    expect(Object.values(reservations(synth.template)).filter((r) => r !== undefined)).toEqual([]);
    synth.template.resourceCountIs('AWS::Lambda::Url', 0);
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: HTTP_API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: HTTP_API_THROTTLE.burstLimit,
      },
    });
    expect(nagFindings(synth.stack, { validationFailures: true })).toEqual([]);
  });

  it('refuses a function URL without reserved concurrency, naming both props', () => {
    expect(() => teamStack({ reservedConcurrency: false, linksEndpoint: LinksEndpoint.FUNCTION_URL })).toThrow(
      'linksEndpoint: LinksEndpoint.FUNCTION_URL with reservedConcurrency: false leaves the public URL with no bound on its traffic',
    );
  });
});
