import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { GuardFunction } from './guard-function';
import { suppressNag } from './nag-suppressions';
import type { ResolvedLinksEndpoint } from './region-support';
import { grantRegistryAccess, REGISTRY_ACCESS } from './registry-grants';
import { synthTimeSecretName } from './secret-name';
import {
  ENV_LINK_PARAMETER_NAME,
  LINK_FEED_TOKEN_LENGTH as FEED_TOKEN_LENGTH,
  LINK_SIGNING_KEY_LENGTH as SIGNING_KEY_LENGTH,
} from '../shared/link-parameter';
import { ENV_ACK_BASE_URL, ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../shared/registry-schema';

/**
 * The handler's routes (lambda/handlers/ack-and-calendar/app.ts; test/construct/regions.test.ts holds
 * the two lists equal). An HTTP API routes only these; anything else gets API Gateway's own 404.
 */
export const LINK_ROUTES: readonly string[] = ['GET /ack', 'POST /ack', 'GET /calendar.ics', 'GET /report'];

/**
 * People click links and calendar apps poll a few times a day. A function URL has no throttle of its
 * own, so the function's reserved concurrency caps what a flood on the public URL can take from the
 * account's concurrency (and bill).
 */
const FUNCTION_URL_RESERVED_CONCURRENCY = 5;

/**
 * Behind an HTTP API the stage throttles instead, before Lambda is invoked (a throttled request gets 429
 * and costs no invocation), so the function reserves nothing: a new account (in China often) has too
 * little concurrency to reserve any.
 */
export const HTTP_API_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

export interface GuardLinksProps {
  readonly codeDirectory: string;
  readonly registry: dynamodb.ITable;
  /** Encrypts the link secret the guard creates. */
  readonly encryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** A secret of the user's holding `{ linkSigningKey, feedToken }`; the guard creates one when absent. */
  readonly linkSecret?: secretsmanager.ISecret;
  /**
   * Without `linkSecret`: keep the link secret in this SSM SecureString parameter (src/shared/link-parameter.ts),
   * which the registry sync creates, instead of two generated Secrets Manager secrets.
   *
   * @default - two generated Secrets Manager secrets
   */
  readonly parameterName?: string;
  /** What serves the routes (see region-support.ts, which decides it from the region and the props). */
  readonly endpoint: ResolvedLinksEndpoint;
}

export interface GuardLinks {
  readonly function: GuardFunction;
  /** The base URL of the links, ending in `/`: the function URL, or the HTTP API's default stage. */
  readonly url: string;
  /** Present when a function URL serves the links. */
  readonly functionUrl?: lambda.FunctionUrl;
  /** Present when an HTTP API serves the links. */
  readonly httpApi?: apigwv2.HttpApi;
  /** The Secrets Manager secret holding the link secret; undefined when `parameter` holds it. */
  readonly secret?: secretsmanager.ISecret;
  /** The secret created only to seed the feed token; undefined when the user brings `linkSecret` or with `parameter`. */
  readonly feedTokenSeed?: secretsmanager.Secret;
  /** The SecureString parameter holding the link secret (created by the registry sync), with `parameterName`. */
  readonly parameter?: LinkParameter;
  /** What a function that signs links needs: the base URL and the secret's or parameter's name (never its value). */
  readonly environment: Readonly<Record<string, string>>;
  /** Lets a function that puts links into messages read the signing key. */
  grantSigning(grantee: iam.IGrantable): void;
}

/** The SecureString parameter that holds the link secret with the SSM store. */
export interface LinkParameter {
  readonly name: string;
  readonly arn: string;
}

/**
 * The acknowledge endpoint and calendar feed: one function behind a public function URL or an HTTP API,
 * and the secret holding the key that signs acknowledge links and the token that opens the feed.
 */
export function createLinks(scope: Construct, props: GuardLinksProps): GuardLinks {
  const held = holdLinkSecret(scope, props);
  const viaUrl = props.endpoint === 'function-url';

  const links = new GuardFunction(scope, 'Links', {
    handler: 'ack-and-calendar',
    description: `RenewalGuard: acknowledge links and the calendar feed, behind ${viaUrl ? 'a function URL' : 'an HTTP API'}`,
    codeDirectory: props.codeDirectory,
    timeout: Duration.seconds(30),
    environment: {
      [ENV_REGISTRY_TABLE]: props.registry.tableName,
      ...held.environment,
    },
    logRetention: props.logRetention,
    reservedConcurrentExecutions: viaUrl ? FUNCTION_URL_RESERVED_CONCURRENCY : undefined,
  });
  grantRegistryAccess(links.role, props.registry, REGISTRY_ACCESS.links, 'decrypt');
  held.grantRead(links.role);

  const served = viaUrl ? serveByFunctionUrl(links) : serveByHttpApi(scope, links, props.logRetention);
  return {
    function: links,
    ...served,
    secret: held.secret,
    feedTokenSeed: held.feedTokenSeed,
    parameter: held.parameter,
    environment: { [ENV_ACK_BASE_URL]: served.url, ...held.environment },
    grantSigning: (grantee) => held.grantRead(grantee),
  };
}

interface HeldLinkSecret {
  readonly secret?: secretsmanager.ISecret;
  readonly feedTokenSeed?: secretsmanager.Secret;
  readonly parameter?: LinkParameter;
  /** The variable that names it to a function. */
  readonly environment: Readonly<Record<string, string>>;
  grantRead(grantee: iam.IGrantable): void;
}

/**
 * Where the link secret is: the user's secret, a SecureString parameter the registry sync creates (with
 * the SSM store), or two secrets generated by CloudFormation.
 */
function holdLinkSecret(scope: Construct, props: GuardLinksProps): HeldLinkSecret {
  if (!props.linkSecret && props.parameterName !== undefined) {
    const parameter = { name: props.parameterName, arn: linkParameterArn(scope, props.parameterName) };
    return {
      parameter,
      environment: { [ENV_LINK_PARAMETER_NAME]: parameter.name },
      // decrypting with the AWS managed key aws/ssm needs no key statement: its key policy lets every
      // principal of the account use it through Parameter Store
      grantRead: (grantee) => {
        iam.Grant.addToPrincipal({ grantee, actions: ['ssm:GetParameter'], resourceArns: [parameter.arn] });
      },
    };
  }
  const { secret, feedTokenSeed } = props.linkSecret
    ? { secret: props.linkSecret, feedTokenSeed: undefined }
    : createLinkSecret(scope, props.encryptionKey);
  return {
    secret,
    feedTokenSeed,
    environment: { [ENV_LINK_SECRET_NAME]: secretId(secret) },
    grantRead: (grantee) => grantSecretRead(secret, grantee),
  };
}

/**
 * `secret.grantRead`, except when the secret's key lives in another stack (an `encryptionKey` brought
 * from a shared stack): aws-cdk-lib would name the grantee in that key's policy (a ViaService statement),
 * a reference from the key's stack back to the guard's, which already depends on it, and synth fails on
 * the cycle. The grantee's own policy says the same instead; the key's policy must let the account's IAM
 * policies grant it, as a key aws-cdk-lib creates does.
 */
function grantSecretRead(secret: secretsmanager.ISecret, grantee: iam.IGrantable): void {
  const key = secret.encryptionKey;
  if (!key || Stack.of(key) === Stack.of(secret)) {
    secret.grantRead(grantee);
    return;
  }
  iam.Grant.addToPrincipal({
    grantee,
    actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
    resourceArns: [secret.secretArn],
  });
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(secret).region}.amazonaws.com` } },
    }),
  );
}

/** `arn:…:ssm:<region>:<account>:parameter/renewal-guard/…`: the name's leading slash is the ARN's. */
function linkParameterArn(scope: Construct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: name.replace(/^\//, ''),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

// No IAM auth either way: the signed link and the feed token are the credentials, checked before
// anything is read or written, and a bad one gets 403. No CORS: browsers only follow links and submit
// the page's form.

function serveByFunctionUrl(links: GuardFunction): { url: string; functionUrl: lambda.FunctionUrl } {
  // Since October 2025 a public function URL also needs lambda:InvokeFunction limited to calls made
  // through the URL (InvokedViaFunctionUrl); aws-cdk-lib adds it beside lambda:InvokeFunctionUrl since
  // the floor this package requires (test/construct/links.test.ts pins both permissions).
  const functionUrl = links.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  return { url: functionUrl.url, functionUrl };
}

/**
 * An HTTP API with the handler's routes, each a Lambda proxy integration with payload format 2.0 (the
 * event shape a function URL sends too), on a throttled `$default` stage, so paths carry no stage name.
 * Access logs hold no query string: the tokens travel there.
 */
function serveByHttpApi(
  scope: Construct,
  links: GuardFunction,
  logRetention: logs.RetentionDays,
): { url: string; httpApi: apigwv2.HttpApi } {
  const httpApi = new apigwv2.HttpApi(scope, 'LinksApi', {
    description: 'RenewalGuard: acknowledge links and the calendar feed',
    createDefaultStage: false,
  });
  const accessLogs = new logs.LogGroup(scope, 'LinksApiAccessLogs', { retention: logRetention });
  const stage = httpApi.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: HTTP_API_THROTTLE,
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(accessLogs),
      format: apigateway.AccessLogFormat.custom(
        JSON.stringify({
          requestId: '$context.requestId',
          requestTime: '$context.requestTime',
          sourceIp: '$context.identity.sourceIp',
          routeKey: '$context.routeKey',
          status: '$context.status',
          responseLength: '$context.responseLength',
          integrationError: '$context.integrationErrorMessage',
        }),
      ),
    },
  });
  const integration = new HttpLambdaIntegration('LinksIntegration', links.function, {
    payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
  });
  for (const route of LINK_ROUTES) {
    const [method, path] = route.split(' ') as [keyof typeof apigwv2.HttpMethod, string];
    httpApi.addRoutes({ path, methods: [apigwv2.HttpMethod[method]], integration });
  }
  suppressNag(httpApi, [
    {
      id: 'AwsSolutions-APIG4',
      reason:
        'The links are opened from messages and calendar apps, which cannot sign requests: the signed link and the ' +
        'feed token are the credentials, verified by the function before anything is read or written',
    },
  ]);
  return { url: stage.url, httpApi };
}

/**
 * `{ "linkSigningKey": …, "feedToken": … }`, both generated by Secrets Manager, so neither value is ever in
 * the template. A secret generates one field; the other comes from a seed secret through a dynamic
 * reference in the template string, which CloudFormation resolves when it creates the link secret.
 * Nothing reads the seed afterwards.
 */
function createLinkSecret(
  scope: Construct,
  encryptionKey: kms.IKey,
): { secret: secretsmanager.Secret; feedTokenSeed: secretsmanager.Secret } {
  const path = scope.node.path;
  const feedTokenSeed = new secretsmanager.Secret(scope, 'FeedTokenSeed', {
    description: `RenewalGuard ${path}: the first calendar feed token, copied into the link secret when it is created; not read afterwards`,
    encryptionKey,
    generateSecretString: { passwordLength: FEED_TOKEN_LENGTH, excludePunctuation: true, includeSpace: false },
  });
  const secret = new secretsmanager.Secret(scope, 'LinkSecret', {
    description: `RenewalGuard ${path}: linkSigningKey signs acknowledge links, feedToken opens the calendar feed`,
    encryptionKey,
    generateSecretString: {
      secretStringTemplate: `{"feedToken":"${feedTokenSeed.secretValue.unsafeUnwrap()}"}`,
      generateStringKey: 'linkSigningKey',
      passwordLength: SIGNING_KEY_LENGTH,
      excludePunctuation: true,
      includeSpace: false,
    },
  });
  return { secret, feedTokenSeed };
}

/**
 * How the handlers name the secret to Secrets Manager: its full ARN where known (a secret the guard
 * creates has a generated name), else its name.
 */
function secretId(secret: secretsmanager.ISecret): string {
  return secret.secretFullArn ?? synthTimeSecretName(secret) ?? secret.secretArn;
}
