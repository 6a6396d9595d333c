/**
 * What the stack's region decides at synth: how the links are served, and which channels cannot be
 * delivered there. Only a concrete region (`env.region`) decides anything; a token region leaves the
 * choice to the props.
 */
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LinksEndpoint } from '../links-endpoint';

/**
 * Regions without Lambda function URLs. The Lambda developer guide ("Creating and managing Lambda
 * function URLs", https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html, also
 * https://docs.amazonaws.cn/en_us/lambda/latest/dg/urls-configuration.html) lists ap-south-2,
 * ap-southeast-4, -5, -6, -7, ap-east-2, ca-west-1, eu-south-2, eu-central-2, il-central-1 and
 * me-central-1; "Getting Started with Amazon Web Services in China", Lambda
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html), says function URLs are not
 * available in the China regions. cfn-lint knows the first list too (E3006 for AWS::Lambda::Url in
 * ap-southeast-5) but not the China one: CloudFormation there accepts the type.
 */
export const REGIONS_WITHOUT_FUNCTION_URLS: ReadonlySet<string> = new Set([
  'cn-north-1',
  'cn-northwest-1',
  'ap-south-2',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-east-2',
  'ca-west-1',
  'eu-south-2',
  'eu-central-2',
  'il-central-1',
  'me-central-1',
]);

export type ResolvedLinksEndpoint = 'function-url' | 'http-api';

/** The stack's region when it is known at synth, else undefined. */
export function concreteRegion(scope: Construct): string | undefined {
  const region = Stack.of(scope).region;
  return Token.isUnresolved(region) ? undefined : region;
}

/** The China regions (partition aws-cn) by their names: `cn-north-1`, `cn-northwest-1`. */
export function isChinaRegion(region: string | undefined): boolean {
  return region !== undefined && region.startsWith('cn-');
}

/**
 * The endpoint the links get: the one asked for, or for AUTO the one the region has. Throws when a
 * function URL is asked for in a region without them; warns when AUTO cannot see the region. Without
 * reserved concurrency (`reservedConcurrency: false`) only an HTTP API bounds the links' traffic: AUTO
 * picks it, and a function URL asked for is refused.
 */
export function resolveLinksEndpoint(
  scope: Construct,
  requested: LinksEndpoint | undefined,
  options: { readonly reservedConcurrency: boolean } = { reservedConcurrency: true },
): ResolvedLinksEndpoint {
  const region = concreteRegion(scope);
  const chosen = requested ?? LinksEndpoint.AUTO;
  if (chosen === LinksEndpoint.HTTP_API) return 'http-api';
  if (!options.reservedConcurrency) {
    if (chosen === LinksEndpoint.FUNCTION_URL) {
      throw new Error(
        'invalid RenewalGuard config:\n' +
          '  linksEndpoint: LinksEndpoint.FUNCTION_URL with reservedConcurrency: false leaves the public URL with ' +
          'no bound on its traffic; use LinksEndpoint.HTTP_API (or AUTO, which picks it then), throttled at its ' +
          'stage, or keep reservedConcurrency',
      );
    }
    return 'http-api';
  }
  const hasFunctionUrls = region === undefined || !REGIONS_WITHOUT_FUNCTION_URLS.has(region);
  if (chosen === LinksEndpoint.FUNCTION_URL) {
    if (!hasFunctionUrls) {
      throw new Error(
        'invalid RenewalGuard config:\n' +
          `  linksEndpoint: LinksEndpoint.FUNCTION_URL, but Lambda function URLs do not exist in ${region}; ` +
          'use LinksEndpoint.HTTP_API (or AUTO, which picks it there), or linksEnabled: false',
      );
    }
    return 'function-url';
  }
  if (region === undefined) {
    Annotations.of(scope).addWarningV2(
      'renewal-guard:links-endpoint-region-unknown',
      'linksEndpoint: the stack has no region at synth, so LinksEndpoint.AUTO serves the links with a Lambda ' +
        'function URL, which does not exist in the China regions and ' +
        [...REGIONS_WITHOUT_FUNCTION_URLS].filter((r) => !isChinaRegion(r)).join(', ') +
        '; set env.region on the stack, or linksEndpoint: LinksEndpoint.HTTP_API to deploy there',
    );
    return 'function-url';
  }
  return hasFunctionUrls ? 'function-url' : 'http-api';
}

/**
 * Channels that cannot be delivered in the stack's region, as one config error naming them. Amazon SNS
 * does not send SMS in the China regions ("Getting Started with Amazon Web Services in China", SNS:
 * https://docs.amazonaws.cn/en_us/aws/latest/userguide/sns.html lists SMS messaging among the features
 * not available there), so an `sms` channel there would subscribe numbers that never get a message.
 */
export function assertChannelsDeliverable(
  scope: Construct,
  channels: ReadonlyArray<{ readonly id: string; readonly type: string }>,
): void {
  const region = concreteRegion(scope);
  if (!isChinaRegion(region)) return;
  const sms = channels.filter((c) => c.type === 'sms');
  if (sms.length === 0) return;
  throw new Error(
    'invalid RenewalGuard config:\n' +
      sms
        .map(
          (c) =>
            `  channels (id "${c.id}", type sms): Amazon SNS does not send SMS in the China regions (${region}); ` +
            'remove the channel, or reach these people by email or a chat channel (dingTalk, feishu, weCom)',
        )
        .join('\n'),
  );
}
