/**
 * Every third-party package inside a shipped bundle, pinned to a reviewed version. `npm audit` cannot
 * run here (the registry answers 405 to the bulk advisory endpoint), so this is the gate instead: a new
 * bundled package, or a new version of one, fails this test until someone has reviewed it (its
 * advisories, its licence) and updated the list below. Run `npx projen bundle` first (`npm test` does).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ASSETS, bundledPackages } from './bundled-dependencies';

/** Reviewed packages and versions. */
const REVIEWED: Readonly<Record<string, string>> = {
  '@aws-lambda-powertools/commons': '2.36.0',
  '@aws-lambda-powertools/logger': '2.36.0',
  '@aws-sdk/client-dynamodb': '3.1162.0',
  '@aws-sdk/client-eventbridge': '3.1169.0',
  '@aws-sdk/client-secrets-manager': '3.1162.0',
  // Apache-2.0, AWS SDK v3 like the others: owners' emails (SES v2) and the lean profile's SecureString reads
  '@aws-sdk/client-sesv2': '3.1178.0',
  '@aws-sdk/client-sns': '3.1169.0',
  '@aws-sdk/client-ssm': '3.1178.0',
  '@aws-sdk/core': '3.981.2',
  '@aws-sdk/credential-provider-env': '3.972.86',
  '@aws-sdk/credential-provider-http': '3.972.88',
  '@aws-sdk/credential-provider-ini': '3.973.32',
  '@aws-sdk/credential-provider-login': '3.972.94',
  '@aws-sdk/credential-provider-node': '3.972.99',
  '@aws-sdk/credential-provider-process': '3.972.86',
  '@aws-sdk/credential-provider-sso': '3.973.30',
  '@aws-sdk/credential-provider-web-identity': '3.972.92',
  '@aws-sdk/dynamodb-codec': '3.973.55',
  '@aws-sdk/endpoint-cache': '3.972.11',
  '@aws-sdk/lib-dynamodb': '3.1162.0',
  '@aws-sdk/middleware-endpoint-discovery': '3.972.37',
  '@aws-sdk/nested-clients': '3.998.5',
  '@aws-sdk/signature-v4-multi-region': '3.996.52',
  '@aws-sdk/token-providers': '3.1177.0',
  '@aws-sdk/util-dynamodb': '3.996.9',
  '@aws-sdk/xml-builder': '3.972.43',
  '@aws/lambda-invoke-store': '0.3.0',
  '@smithy/core': '3.41.1',
  '@smithy/credential-provider-imds': '4.5.2',
  '@smithy/node-http-handler': '4.14.2',
  '@smithy/signature-v4': '5.7.5',
  '@smithy/types': '4.20.0',
  astronomia: '4.2.0',
  bowser: '2.15.0',
  caldate: '2.0.5',
  commander: '14.0.3',
  'date-bengali-revised': '2.0.2',
  'date-chinese': '2.1.4',
  'date-easter': '1.0.3',
  'date-holidays': '3.37.0',
  'date-holidays-parser': '3.4.7',
  deepmerge: '4.3.1',
  'jalaali-js': '1.2.8',
  mnemonist: '0.38.3',
  moment: '2.31.0',
  'moment-timezone': '0.5.48',
  obliterator: '1.6.1',
  // MIT, no dependencies: lunar calendar and solar terms for the provisional CN years (synth time only)
  tyme4ts: '1.5.2',
  yaml: '2.9.1',
};

/** The AWS SDK v3 core every handler that reaches DynamoDB carries, with Powertools' logger. */
const AWS_BASE = Object.keys(REVIEWED).filter(
  (p) =>
    (p.startsWith('@aws-sdk/') && !/client-(eventbridge|secrets-manager|sesv2|sns|ssm)$/.test(p)) ||
    p.startsWith('@smithy/') ||
    p.startsWith('@aws-lambda-powertools/') ||
    ['@aws/lambda-invoke-store', 'bowser', 'mnemonist', 'obliterator'].includes(p),
);
const CALENDAR = [
  'astronomia',
  'caldate',
  'date-bengali-revised',
  'date-chinese',
  'date-easter',
  'date-holidays',
  'date-holidays-parser',
  'deepmerge',
  'jalaali-js',
  'moment',
  'moment-timezone',
  'tyme4ts',
  'yaml',
];

/** Which reviewed packages each bundle may hold. */
const BUNDLES: Readonly<Record<string, readonly string[]>> = {
  'handlers/poll-and-evaluate': [
    ...AWS_BASE,
    '@aws-sdk/client-eventbridge',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-sesv2',
    '@aws-sdk/client-sns',
    '@aws-sdk/client-ssm',
  ],
  'handlers/notify': [...AWS_BASE, '@aws-sdk/client-secrets-manager', '@aws-sdk/client-ssm'],
  'handlers/ack-and-calendar': [...AWS_BASE, '@aws-sdk/client-secrets-manager', '@aws-sdk/client-ssm'],
  'handlers/sync-registry': [...AWS_BASE, '@aws-sdk/client-ssm'],
  'synth/config-loader': CALENDAR,
  'cli/main': [
    ...AWS_BASE.filter((p) => !p.startsWith('@aws-lambda-powertools/')),
    ...CALENDAR,
    'commander',
    '@aws-sdk/client-sesv2',
  ],
};

const pinned = (names: readonly string[]) => names.map((n) => `${n}@${REVIEWED[n]}`).sort();

describe('the shipped bundles', () => {
  it('are the bundles this list reviews, no more and no fewer', () => {
    const shipped = ['cli', 'handlers', 'synth'].flatMap((group) =>
      fs.readdirSync(path.join(ASSETS, group)).map((name) => `${group}/${name}`),
    );
    expect(shipped.sort()).toEqual(Object.keys(BUNDLES).sort());
  });

  it.each(Object.keys(BUNDLES))('%s holds exactly its reviewed packages, at their reviewed versions', (bundle) => {
    expect(bundledPackages(bundle)).toEqual(pinned(BUNDLES[bundle]!));
  });

  it('carries no package of the build, the tests or the CDK into a Lambda', () => {
    const handlers = Object.keys(BUNDLES).filter((b) => b.startsWith('handlers/'));
    const all = handlers.flatMap((b) => bundledPackages(b).map((p) => p.slice(0, p.lastIndexOf('@'))));
    expect(
      all.filter((p) => /^(aws-cdk-lib|constructs|jest|ts-jest|esbuild|typescript|dynalite|projen)$/.test(p)),
    ).toEqual([]);
  });
});
