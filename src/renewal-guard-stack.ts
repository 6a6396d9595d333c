import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RenewalGuard } from './renewal-guard';
import { RenewalGuardProps } from './renewal-guard-props';

/** Properties of a `RenewalGuardStack`: a stack's properties plus the guard's. */
export interface RenewalGuardStackProps extends StackProps, RenewalGuardProps {}

/**
 * A stack that holds one `RenewalGuard`, for deploying the guard on its own with `cdk deploy`.
 *
 * The stack outputs `GuardName`, the value of the `renewal-guard:guard` tag that lets the guard read a
 * vendor credential secret named under `renewal-guard/`. When the guard deploys its acknowledge links, it
 * also outputs `LinksUrl` and `LinkSecretArn`: the calendar feed is
 * `<LinksUrl>calendar.ics?token=<feedToken>`, with the `feedToken` field of that secret (with
 * `SecretStore.SSM_PARAMETER_STORE`, of the SecureString parameter whose ARN `LinkSecretArn` then holds).
 *
 * @example
 * const app = new App();
 * new RenewalGuardStack(app, 'RenewalGuard', { configFile: 'renewal-guard.yaml' });
 */
export class RenewalGuardStack extends Stack {
  /** The guard this stack holds. */
  public readonly guard: RenewalGuard;

  constructor(scope: Construct, id: string, props: RenewalGuardStackProps = {}) {
    super(scope, id, props);
    this.guard = new RenewalGuard(this, 'Guard', props);
    new CfnOutput(this, 'GuardName', {
      description:
        'Tag each vendor credential secret (or parameter) named under renewal-guard/ with renewal-guard:guard = this value',
      value: this.guard.guardName,
    });
    const linkSecretOutput = this.guard.linkSecret
      ? {
          description:
            'Secret holding the calendar feedToken: aws secretsmanager get-secret-value --secret-id <LinkSecretArn>',
          value: this.guard.linkSecret.secretArn,
        }
      : this.guard.linkParameterArn && {
          description:
            'SecureString parameter holding the calendar feedToken (created on the first deploy, kept when the stack ' +
            'is deleted): aws ssm get-parameter --with-decryption --name <LinkSecretArn>',
          value: this.guard.linkParameterArn,
        };
    if (this.guard.linksUrl && linkSecretOutput) {
      new CfnOutput(this, 'LinksUrl', {
        description: 'Base URL of the acknowledge links; the calendar feed is <LinksUrl>calendar.ics?token=<feedToken>',
        value: this.guard.linksUrl,
      });
      new CfnOutput(this, 'LinkSecretArn', linkSecretOutput);
    }
  }
}
