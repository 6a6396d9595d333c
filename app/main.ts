/**
 * The standalone deployment: `cdk deploy` with the config named by RENEWAL_GUARD_CONFIG (default
 * renewal-guard.yaml). Throwaway stacks pass `-c registryRemovalPolicy=destroy`; the default keeps the
 * registry when the stack goes. `-c profile=lean` deploys the lean cost profile (app/profiles.ts).
 */
import { App, RemovalPolicy } from 'aws-cdk-lib';
import { profileProps } from './profiles';
import { RenewalGuardStack } from '../src';

const REMOVAL_POLICIES: Record<string, RemovalPolicy> = {
  retain: RemovalPolicy.RETAIN,
  destroy: RemovalPolicy.DESTROY,
};

const app = new App();
const removal = String(app.node.tryGetContext('registryRemovalPolicy') ?? 'retain');
const registryRemovalPolicy = REMOVAL_POLICIES[removal];
if (registryRemovalPolicy === undefined) {
  throw new Error(`context registryRemovalPolicy must be retain or destroy, got ${JSON.stringify(removal)}`);
}

new RenewalGuardStack(app, 'RenewalGuard', {
  ...profileProps(app.node.tryGetContext('profile')),
  configFile: process.env.RENEWAL_GUARD_CONFIG ?? 'renewal-guard.yaml',
  registryRemovalPolicy,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
