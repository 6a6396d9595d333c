import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { HandlerName } from './bundled-assets';

export interface GuardFunctionProps {
  readonly handler: HandlerName;
  readonly description: string;
  /** The staged code directory (see staged-code.ts), shared by every guard function. */
  readonly codeDirectory: string;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  readonly logRetention: logs.RetentionDays;
  readonly deadLetterQueue?: sqs.IQueue;
  /** Caps the function's concurrency (and reserves it from the account's pool). */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * A guard handler as a Lambda function with its own role and log group. The role starts empty (no
 * AWSLambdaBasicExecutionRole): it may write to its own log group and do what the guard grants it.
 */
export class GuardFunction extends Construct {
  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: GuardFunctionProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `RenewalGuard ${props.handler} function`,
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention });
    this.logGroup.grantWrite(this.role);

    this.function = new lambda.Function(this, 'Resource', {
      description: props.description,
      // supported at least a year past each release (nodejs22.x is deprecated on 2027-04-30); keep the
      // bundles' esbuild target (.projenrc.ts) on the same major
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: `${props.handler}/index.handler`,
      code: lambda.Code.fromAsset(props.codeDirectory),
      memorySize: 512,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'renewal-guard',
        NODE_OPTIONS: '--enable-source-maps',
      },
      deadLetterQueue: props.deadLetterQueue,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    });
    // the function must not start before it may write its logs
    this.function.node.addDependency(this.role);
  }
}
