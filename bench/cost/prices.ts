/**
 * Public list prices the cost model uses: US East (N. Virginia), on-demand, no free tier applied (a guard
 * usually lands in an account whose free tier is already spent). Each price names where it was read;
 * `checked` is when. Third-party pages are marked as such: they quote the AWS price pages, whose own
 * text did not show the figure in the reference search.
 */
export interface Price {
  readonly usd: number;
  readonly per: string;
  readonly source: string;
  readonly note?: string;
}

const CHECKED = '2026-11-21';

export const PRICES = {
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 'GB-second, arm64 (first 7.5 billion GB-s a month)',
    source:
      'https://git.mcrn.ar/mariano/lambda_local_runner/src/commit/957e45b8adae23ce50b966346229585b5df18b4d/docs/lambdas-md/lambda-13-cost.md (third-party table of https://aws.amazon.com/lambda/pricing/); also https://cloudchipr.com/blog/aws-lambda-pricing',
  },
  lambdaRequest: {
    usd: 0.2 / 1e6,
    per: 'request',
    source: 'same as lambdaArmGbSecond ($0.20 per 1M requests, x86 and arm64)',
  },
  dynamoWriteUnit: {
    usd: 0.625 / 1e6,
    per: 'write request unit, on-demand, Standard table class',
    source:
      'https://airbyte.com/data-engineering-resources/dynamodb-pricing (third-party; https://aws.amazon.com/dynamodb/pricing/on-demand/)',
  },
  dynamoReadUnit: {
    usd: 0.125 / 1e6,
    per: 'read request unit, on-demand, Standard table class',
    source:
      'https://airbyte.com/data-engineering-resources/dynamodb-pricing (third-party; https://aws.amazon.com/dynamodb/pricing/on-demand/)',
  },
  dynamoStorageGbMonth: {
    usd: 0.25,
    per: 'GB-month of table storage ("prices start from $0.25 per GB-month"; first 25 GB free, not applied)',
    source: 'https://aws.amazon.com/dynamodb/pricing/',
  },
  schedulerInvocation: {
    usd: 1 / 1e6,
    per: 'EventBridge Scheduler invocation (14 million a month free, not applied)',
    source: 'https://cloudburn.io/blog/amazon-eventbridge-pricing (third-party, March 2026)',
  },
  eventBridgeCustomEvent: {
    usd: 1 / 1e6,
    per: 'custom event put on a bus (64 KB chunk)',
    source: 'https://cloudburn.io/blog/amazon-eventbridge-pricing (third-party, March 2026)',
  },
  snsPublish: {
    usd: 0.5 / 1e6,
    per: 'SNS publish, standard topic (64 KB chunk)',
    source: 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/ (third-party, June 2026)',
  },
  snsEmail: {
    usd: 2 / 100_000,
    per: 'SNS email notification',
    source: 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/ (third-party, June 2026)',
  },
  cloudWatchMetricMonth: {
    usd: 0.3,
    per: 'custom metric-month (first 10,000 metrics), prorated by the hour in which data arrives',
    source:
      'https://signoz.io/guides/cloudwatch-pricing (third-party: "$0.30/month for the first 10,000", billed "per metric-hour"); https://aws.amazon.com/cloudwatch/pricing/',
  },
  cloudWatchAlarm: {
    usd: 0.1,
    per: 'standard-resolution alarm metric-month',
    source: 'https://c3x.dev/blog/aws-cloudwatch-metrics-cost/ (third-party)',
  },
  cloudWatchDashboard: {
    usd: 3,
    per: 'dashboard-month (3 free per account, not applied)',
    source:
      'https://c3x.dev/blog/aws-cloudwatch-metrics-cost/ (third-party); free allowance: https://aws.amazon.com/cloudwatch/pricing/',
  },
  cloudWatchLogsIngestionGb: {
    usd: 0.5,
    per: 'GB of logs ingested, Standard log class',
    source: 'https://c3x.dev/blog/cloudwatch-logs-cost-optimization (third-party, us-east-1 June 2026)',
  },
  cloudWatchLogsStorageGbMonth: {
    usd: 0.03,
    per: 'GB-month of logs stored',
    source: 'https://c3x.dev/blog/cloudwatch-logs-cost-optimization (third-party, us-east-1 June 2026)',
  },
  kmsKeyMonth: {
    usd: 1,
    per: 'customer managed key-month; +$1 a month for each of the first two automatic rotations, then no more',
    source:
      'https://aws.amazon.com/kms/pricing/; rotation cap: https://sysops.app/aws-news/474.html (AWS security blog, April 2024)',
  },
  kmsRequest: {
    usd: 0.03 / 10_000,
    per: 'KMS request (20,000 a month free, not applied)',
    source:
      'https://www.wring.co/blog/aws-kms-pricing-guide (third-party); free tier: https://aws.amazon.com/kms/pricing/',
  },
  secretMonth: {
    usd: 0.4,
    per: 'Secrets Manager secret-month',
    source: 'https://hivebook.wiki/wiki/aws-secrets-manager-rotated-secrets-dynamic-db-credentials-kms (third-party)',
  },
  secretApiCall: {
    usd: 0.05 / 10_000,
    per: 'Secrets Manager API call',
    source: 'https://hivebook.wiki/wiki/aws-secrets-manager-rotated-secrets-dynamic-db-credentials-kms (third-party)',
  },
  ssmStandardParameter: {
    usd: 0,
    per: 'SSM Parameter Store standard parameter (SecureString included; 10,000 per account and region)',
    source:
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html ("No additional charge")',
  },
  ec2T4gNanoHour: {
    usd: 0.0042,
    per: 't4g.nano Linux on-demand instance-hour (2 vCPU burstable, 0.5 GiB)',
    source: 'https://aws.amazon.com/ec2/pricing/on-demand/',
    note: 'not found in the reference search; the list price as commonly quoted — treat as unverified here',
  },
  ec2T4gMicroHour: {
    usd: 0.0084,
    per: 't4g.micro Linux on-demand instance-hour (2 vCPU burstable, 1 GiB)',
    source: 'https://aws.amazon.com/ec2/pricing/on-demand/',
    note: 'not found in the reference search; the list price as commonly quoted — treat as unverified here',
  },
  ebsGp3GbMonth: {
    usd: 0.08,
    per: 'EBS gp3 GB-month (3,000 IOPS and 125 MiB/s included)',
    source: 'https://www.saisci.com/aws/gp3-throughput-explained/ (third-party)',
  },
  publicIpv4Hour: {
    usd: 0.005,
    per: 'public IPv4 address-hour (since 2024-02-01)',
    source: 'https://www.doit.com/aws-public-ipv4-price-increase-the-complete-guide/ (third-party)',
  },
} as const satisfies Record<string, Price>;

export type Prices = typeof PRICES;
export const PRICES_CHECKED = CHECKED;
export const HOURS_PER_MONTH = 730;
