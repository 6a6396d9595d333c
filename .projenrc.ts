import { awscdk, DependencyType, javascript } from 'projen';

// The CDK floor we claim to support; dev deps are pinned to exactly this version so tests run against it.
const CDK_FLOOR = '2.224.0';

// Entry points bundled by esbuild into assets/lambda/<dir>/<name>/index.js and shipped in the npm package.
// Lambda handlers run on Node.js 24 (src/private/guard-function.ts); the CLI and the synth-time config loader run on the user's Node.js (>= 20).
const LAMBDA_ENTRIES = [
  'lambda/handlers/poll-and-evaluate.ts',
  'lambda/handlers/sync-registry.ts',
  'lambda/handlers/notify.ts',
  'lambda/handlers/ack-and-calendar.ts',
];
const NODE_ENTRIES = ['lambda/cli/main.ts', 'lambda/synth/config-loader.ts'];

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-renewal-guard',
  description:
    'Keeps paid RTC services (Agora, Tencent Cloud TRTC, Alibaba Cloud, Twilio, Huawei Cloud, Vonage) from lapsing: ' +
    'scheduled billing pollers, a DynamoDB registry, reminders on working days and SNS/EventBridge fan-out.',
  author: 'RenewalGuard',
  authorAddress: 'team@renewalguard.dev',
  repositoryUrl: 'https://example.com/renewal-guard/cdk-renewal-guard.git',
  license: 'Apache-2.0',
  keywords: ['awscdk', 'aws-cdk', 'agora', 'rtc', 'renewal', 'billing', 'eventbridge', 'dynamodb', 'sns'],
  stability: 'experimental',
  defaultReleaseBranch: 'main',

  // toolchain: jsii and TypeScript on the same minor; TypeScript 7 breaks ts-node, ts-jest and jsii
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.16.0',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',
  cdkVersion: CDK_FLOOR,
  cdkCliVersion: '^2',

  // The CLI needs an embedded DynamoDB at run time; dynalite carries a native LevelDB binding, so it is
  // installed with the package rather than inlined by esbuild.
  bundledDeps: ['dynalite'],
  devDeps: [
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/lib-dynamodb',
    '@aws-sdk/client-sns',
    '@aws-sdk/client-eventbridge',
    '@aws-sdk/client-secrets-manager',
    // the emulated deployment (test/emulated) reads SQS-backed subscriptions and provisions on moto
    '@aws-sdk/client-sqs',
    '@aws-sdk/client-scheduler',
    '@aws-sdk/client-cloudwatch',
    // the lean profile reads SecureString parameters instead of Secrets Manager secrets
    '@aws-sdk/client-ssm',
    // owners' emails: one SendEmail per recipient, HTML and text
    '@aws-sdk/client-sesv2',
    '@aws-lambda-powertools/logger',
    '@types/aws-lambda',
    'aws-sdk-client-mock',
    'aws-sdk-client-mock-jest',
    'cdk-nag@^2',
    'commander@^14',
    'date-holidays@^3',
    // lunar calendar and solar terms: provisional CN festival blocks for years no official table covers
    'tyme4ts@^1',
    'fast-check@^4',
    'ical.js@^2', // an independent RFC 5545 parser: the ICS feed is checked by parsing it back
    'yaml@^2',
    'zod@^4',
  ],
  bundlerOptions: { esbuildVersion: '~0.28.0' },

  // handlers live in lambda/, not src/
  lambdaAutoDiscover: false,
  edgeLambdaAutoDiscover: false,
  singletonLambdaAutoDiscover: false,
  lambdaExtensionAutoDiscover: false,
  integrationTestAutoDiscover: false,

  prettier: true,
  prettierOptions: { settings: { singleQuote: true, printWidth: 120 } },
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
      // the run's temporary files (cdk.out folders above all) in one folder, removed when the run ends
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      collectCoverage: false, // `npx jest --coverage` when wanted; instrumenting every run slows the suite
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // projen adds jest's default reporter and jest-junit; this one leaves the totals for .ci/run
      reporters: [new javascript.JestReporter('<rootDir>/test/support/summary-reporter.js')],
    },
  },

  // jsii bindings for the other CDK languages (Construct Hub lists all five): package:python builds here;
  // package:java needs Maven Central, package:dotnet and package:go their toolchains (see package-all below).
  publishToPypi: { distName: 'cdk-renewal-guard', module: 'cdk_renewal_guard' },
  publishToMaven: {
    javaPackage: 'dev.renewalguard.cdk',
    mavenGroupId: 'dev.renewalguard',
    mavenArtifactId: 'cdk-renewal-guard',
  },
  publishToNuget: { dotNetNamespace: 'RenewalGuard.Cdk', packageId: 'RenewalGuard.Cdk' },
  publishToGo: { moduleName: 'example.com/renewal-guard/cdk-renewal-guard-go' },

  github: false,
  depsUpgrade: false,
  sampleCode: false,
  gitignore: ['/.renewal-guard/', '/test-reports/', '/bench/results/*.tmp', '*.renewal-guard.local.json'],
});

// unrs-resolver (jest and eslint's import resolver) 1.13.0 lacks some platform bindings on the registry
// this project installs from; npm then writes a lockfile that `npm ci` rejects. 1.12.2 is complete.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// lambda/ is type-checked (esbuild only strips types) and linted like src/.
new javascript.TypescriptConfig(project, {
  fileName: 'lambda/tsconfig.json',
  extends: javascript.TypescriptConfigExtends.fromTypescriptConfigs([project.tsconfig!]),
  include: ['**/*.ts'],
  compilerOptions: { rootDir: '..', noEmit: true, types: ['node', 'aws-lambda'] },
});

for (const entry of LAMBDA_ENTRIES) {
  project.bundler.addBundle(entry, {
    platform: 'node',
    target: 'node24',
    externals: [], // the SDK clients are inlined: their version is fixed by our lockfile, not by the runtime
    minify: true,
    sourcemap: true,
    tsconfigPath: 'lambda/tsconfig.json',
    watchTask: false,
    logLevel: javascript.BundleLogLevel.WARNING, // `npm run demo` should show the demo, not esbuild
  });
}
for (const entry of NODE_ENTRIES) {
  project.bundler.addBundle(entry, {
    platform: 'node',
    target: 'node20',
    externals: ['dynalite'],
    // no source maps: these run outside Lambda without --enable-source-maps and would add megabytes
    tsconfigPath: 'lambda/tsconfig.json',
    watchTask: false,
    logLevel: javascript.BundleLogLevel.WARNING, // `npm run demo` should show the demo, not esbuild
  });
}

const typecheckLambda = project.addTask('typecheck:lambda', {
  description: 'Type-check lambda/ (esbuild only strips types)',
  exec: 'tsc -p lambda/tsconfig.json',
});
project.preCompileTask.prependSpawn(typecheckLambda);
// ts-jest only transpiles (test/tsconfig.json sets isolatedModules), so the tests are type-checked here
const typecheckTests = project.addTask('typecheck:test', {
  description: 'Type-check test/ (ts-jest transpiles without checking)',
  exec: 'tsc -p test/tsconfig.json',
});
project.testTask.prependSpawn(typecheckTests);
// construct tests synthesize stacks whose Code.fromAsset needs the bundles
project.testTask.prependSpawn(project.bundler.bundleTask);

project.eslint?.addLintPattern('lambda');
// ports live in the core; adapters implement them and never import the application layer (style.md, 17)
project.eslint?.addRules({
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: ['./lambda/aws', './lambda/vendors', './lambda/channels', './lambda/delivery', './lambda/http'],
          from: './lambda/app',
          message: 'adapters implement the ports in lambda/core and never import the application layer',
        },
        {
          target: './lambda/core',
          from: [
            './lambda/app',
            './lambda/aws',
            './lambda/vendors',
            './lambda/channels',
            './lambda/delivery',
            './lambda/http',
            './lambda/handlers',
            './lambda/cli',
          ],
          message: 'the core is pure: it imports nothing from the layers around it',
        },
      ],
    },
  ],
});
project.eslint?.allowDevDeps('lambda/**/*.ts');
project.eslint?.allowDevDeps('test/**/*.ts');

// bin/renewal-guard is picked up as the `renewal-guard` command (projen's autoDetectBin)
// --- The standalone app (`cdk deploy`), outside the jsii surface ------------------------------------
new javascript.TypescriptConfig(project, {
  fileName: 'app/tsconfig.json',
  extends: javascript.TypescriptConfigExtends.fromTypescriptConfigs([project.tsconfig!]),
  include: ['**/*.ts'],
  compilerOptions: { rootDir: '..', noEmit: true },
});
new awscdk.CdkConfig(project, {
  app: 'npx ts-node --project app/tsconfig.json app/main.ts',
  watchIncludes: [],
  buildCommand: 'npx projen bundle',
});
project.deps.addDependency(`aws-cdk@${project.cdkDeps.cdkCliVersion}`, DependencyType.BUILD);
project.eslint?.addLintPattern('app');
const typecheckApp = project.addTask('typecheck:app', {
  description: 'Type-check the standalone app',
  exec: 'tsc -p app/tsconfig.json',
});
project.testTask.prependSpawn(typecheckApp);
for (const cmd of ['synth', 'diff', 'deploy', 'destroy']) {
  const task = project.addTask(cmd, {
    description: `cdk ${cmd} for the standalone app (RENEWAL_GUARD_CONFIG names the config)`,
  });
  task.spawn(project.bundler.bundleTask);
  task.exec(`cdk ${cmd}`, { receiveArgs: true });
}

// --- Benchmarks (bench/README.md): targets are judged there, on medians, not in timed unit tests ----
project.addTask('bench', {
  description: 'Benchmarks: synth, cycle at scale, requests, cost model, bundles, decisions (bench/README.md)',
  env: { NODE_NO_WARNINGS: '1' },
  steps: [
    { spawn: project.bundler.bundleTask.name },
    { exec: 'ts-node --project bench/tsconfig.json bench/run.ts', receiveArgs: true },
  ],
});
project.eslint?.addLintPattern('bench');
project.eslint?.allowDevDeps('bench/**/*.ts');

project.addTask('demo', {
  description: 'The self-contained tour: embedded store, vendor sandbox, no AWS account, no network',
  steps: [{ spawn: project.bundler.bundleTask.name }, { exec: 'node bin/renewal-guard demo' }],
});

// --- jsii bindings for other languages ---------------------------------------------------------------
// package:python generates with jsii-pacmak and builds with Debian's Python tools (scripts/package-python.sh
// says why: jsii-pacmak's own build pip-installs pinned tools from PyPI, which these machines do not reach).
project.tasks.tryFind('package:python')!.reset('bash scripts/package-python.sh');
// projen silences jsii's reserved-word warnings; here every warning fails the compile, so a name that
// Python, Java, C# or Go would have to mangle (QuietHours.from was one) cannot come back unnoticed.
project.compileTask.reset('jsii --fail-on-warnings');
project.watchTask.reset('jsii -w');
// package-all (what `package` runs outside CI) packs what builds on this project's machines: npm and Python.
// package:java needs Maven Central (aws-cdk-lib, constructs and jsii-runtime jars, versions-maven-plugin)
// and package:dotnet / package:go their toolchains: each runs as its own task where those exist.
project.tasks.tryFind('package-all')!.reset();
project.tasks.tryFind('package-all')!.spawn(project.tasks.tryFind('package:js')!);
project.tasks.tryFind('package-all')!.spawn(project.tasks.tryFind('package:python')!);

// Sources of non-library code stay out of the npm package; the bundles in assets/ ship.
for (const p of ['/lambda/', '/app/', '/cdk.json', '/cdk.out/', '/bench/', '/.ci/', '/test-reports/', '/scripts/']) {
  project.addPackageIgnore(p);
}

project.synth();
