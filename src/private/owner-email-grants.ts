/**
 * Owner email on the deployed guard: the poller sends it through Amazon SES (SESv2 `SendEmail`), so
 * its role gets `ses:SendEmail` on the sender's identity only, with the condition `ses:FromAddress` =
 * the configured sender. One statement whatever the number of owners or services: owners are data.
 *
 * IAM for SES: "Actions, resources, and condition keys for Amazon Simple Email Service v2"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsimpleemailservicev2.html):
 * `SendEmail` acts on the `identity` resource (`arn:${Partition}:ses:${Region}:${Account}:identity/${IdentityName}`)
 * and, when a configuration set is named, the `configuration-set` resource, and takes the condition key
 * `ses:FromAddress`; "Identity and access management in Amazon SES"
 * (https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html) shows an IAM policy that lets a
 * user send only from one "From" address with it.
 *
 * Amazon SES is not offered in the China regions: "Getting Started with Amazon Web Services in China"
 * has a page per service the Beijing and Ningxia regions offer (https://docs.amazonaws.cn/en_us/aws/latest/userguide/sns.html,
 * …/sqs.html, …) and none for Amazon SES, so owner email fails synthesis there, naming the prop.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { ConfigProblem, LoadedConfig } from './config-loader';
import type { GuardFunction } from './guard-function';
import { concreteRegion, isChinaRegion } from './region-support';
import { ENV_SES_CONFIGURATION_SET } from '../shared/owner-email-schema';

/** What `OwnerEmail` hands the guard: the document entry and the SES resources only the construct knows. */
export interface OwnerEmailBinding {
  /** The config document's `ownerEmail`, in its own shape. */
  readonly entry: {
    readonly enabled: boolean;
    readonly from?: string;
    readonly minSeverity?: string;
    readonly language?: string;
  };
  readonly identity?: ses.IEmailIdentity;
  readonly configurationSet?: ses.IConfigurationSet;
}

/** The `ownerEmail` override of the typed props, or a problem when a value is a deploy-time token. */
export function ownerEmailEntry(
  binding: OwnerEmailBinding | undefined,
  isToken: (value: unknown) => boolean,
  problems: ConfigProblem[],
): OwnerEmailBinding['entry'] | undefined {
  if (!binding) return undefined;
  if (binding.entry.from !== undefined && isToken(binding.entry.from)) {
    problems.push({
      path: 'ownerEmail.fromAddress',
      message:
        'must be known at synth time, got a token (e.g. a CfnParameter): the sender is staged into the function code',
    });
    return undefined;
  }
  return binding.entry;
}

/**
 * Lets the poller send owner email as the document's `ownerEmail` says, or nothing when it is absent or
 * turned off. Throws one config error in a China region.
 */
export function grantOwnerEmail(
  poller: GuardFunction,
  ownerEmail: LoadedConfig['ownerEmail'],
  binding: OwnerEmailBinding | undefined,
): void {
  if (!ownerEmail?.enabled || ownerEmail.from === undefined) return;
  const from = ownerEmail.from;
  const region = concreteRegion(poller);
  if (isChinaRegion(region)) {
    throw new Error(
      'invalid RenewalGuard config:\n' +
        `  ownerEmail: Amazon SES, which sends owner email, is not available in the China regions (${region}); ` +
        'remove ownerEmail (OwnerEmail.ses) or use OwnerEmail.disabled() (ownerEmail.enabled: false in the ' +
        'document); owners are still named in every channel message',
    );
  }
  const stack = Stack.of(poller);
  const identityArn = (name: string) =>
    stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: name,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  const domain = from.slice(from.lastIndexOf('@') + 1);
  const identities = binding?.identity ? [binding.identity.emailIdentityArn] : [identityArn(from), identityArn(domain)];
  const configurationSet = binding?.configurationSet;
  const configurationSetArns = configurationSet
    ? [
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSet.configurationSetName,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
      ]
    : [];
  poller.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'OwnerEmail',
      actions: ['ses:SendEmail'],
      resources: [...identities, ...configurationSetArns],
      conditions: { StringEquals: { 'ses:FromAddress': from } },
    }),
  );
  if (configurationSet) {
    poller.function.addEnvironment(ENV_SES_CONFIGURATION_SET, configurationSet.configurationSetName);
  }
}
