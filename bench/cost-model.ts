/**
 * The monthly AWS cost of a guard, computed from measured quantities at public prices (cost/prices.ts).
 *
 * `costInputs` turns benchmark measurements into monthly quantities; `costModel` prices them. Every line
 * item says whether it is usage-driven (grows with services, accounts or alerts) or fixed (exists once the
 * stack is deployed), and where its quantity came from: `measured` (a benchmark counted it), `derived`
 * (computed from measured values) or `assumed` (stated, not measured).
 */
import { HOURS_PER_MONTH, PRICES, type Prices } from './cost/prices';

export type Basis = 'measured' | 'derived' | 'assumed';

/** What a month of one guard consumes. */
export interface CostInputs {
  readonly label: string;
  readonly services: number;
  /** Polled accounts: one credentials secret (or SecureString parameter) each. */
  readonly accounts: number;
  /** Where the vendor credentials live (the construct's `secretStore`). */
  readonly secretStore: 'secrets-manager' | 'ssm-parameter-store';
  /** Secrets Manager secrets in the template itself: the link secret and its feed-token seed when links are on. */
  readonly generatedSecrets: number;
  /**
   * Whether the link secret is the guard's SecureString parameter instead (the SSM store with the links on:
   * one standard parameter the registry sync creates, no secret).
   */
  readonly linkParameter?: boolean;
  /** Reads of the link secret a month (the functions that sign or check links, once per cold container). */
  readonly linkSecretReadsPerMonth?: number;
  readonly cyclesPerMonth: number;
  readonly lambdaMemoryGb: number;
  readonly lambdaSecondsPerCycle: number;
  readonly dynamoReadUnitsPerMonth: number;
  readonly dynamoWriteUnitsPerMonth: number;
  readonly dynamoStorageGb: number;
  readonly alertsPerMonth: number;
  /** SNS email notifications per alert (email subscriptions an alert reaches). */
  readonly emailsPerAlert: number;
  /** Distinct custom metrics a cycle publishes (EMF). */
  readonly customMetrics: number;
  /** Hours a month in which each metric receives data: one per daily cycle. */
  readonly metricHoursPerMetric: number;
  readonly logGbPerMonth: number;
  /** Retained logs at steady state (retention × monthly ingestion, uncompressed: an upper bound). */
  readonly logGbStored: number;
  readonly alarms: number;
  readonly dashboards: number;
  readonly kmsKeys: number;
  readonly kmsRequestsPerMonth: number;
  readonly secretReadsPerMonth: number;
  readonly basis: Readonly<Record<string, Basis>>;
}

export interface LineItem {
  readonly service: string;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitUsd: number;
  readonly monthlyUsd: number;
  readonly kind: 'usage' | 'fixed';
  readonly basis: Basis;
  readonly source: string;
}

export interface CostEstimate {
  readonly label: string;
  readonly services: number;
  readonly accounts: number;
  readonly lineItems: readonly LineItem[];
  readonly usageUsd: number;
  readonly fixedUsd: number;
  readonly totalUsd: number;
  /** The same guard with vendor credentials in SSM SecureString standard parameters instead of secrets. */
  readonly totalWithSsmUsd: number;
  /** The props that make this guard (a cost profile), when the scenario is one. */
  readonly profile?: string;
  /** Custom metrics if each were billed the whole month (no hourly proration): the pessimistic bound. */
  readonly metricsFullMonthUsd: number;
  /** What the biggest usage-driven line is, and its share. */
  readonly largestUsage: { readonly item: string; readonly share: number };
}

export function costModel(inputs: CostInputs, prices: Prices = PRICES): CostEstimate {
  const b = (key: string): Basis => inputs.basis[key] ?? 'derived';
  const items: LineItem[] = [];
  const add = (
    service: string,
    item: string,
    quantity: number,
    unit: string,
    price: { usd: number; source: string },
    kind: LineItem['kind'],
    basis: Basis,
  ) =>
    items.push({
      service,
      item,
      quantity,
      unit,
      unitUsd: price.usd,
      monthlyUsd: quantity * price.usd,
      kind,
      basis,
      source: price.source,
    });

  const gbSeconds = inputs.cyclesPerMonth * inputs.lambdaMemoryGb * inputs.lambdaSecondsPerCycle;
  add(
    'Lambda',
    'poller duration (arm64)',
    gbSeconds,
    'GB-s',
    prices.lambdaArmGbSecond,
    'usage',
    b('lambdaSecondsPerCycle'),
  );
  add('Lambda', 'poller invocations', inputs.cyclesPerMonth, 'requests', prices.lambdaRequest, 'usage', 'assumed');
  add(
    'EventBridge Scheduler',
    'daily check',
    inputs.cyclesPerMonth,
    'invocations',
    prices.schedulerInvocation,
    'usage',
    'assumed',
  );
  add(
    'DynamoDB',
    'read request units',
    inputs.dynamoReadUnitsPerMonth,
    'RRU',
    prices.dynamoReadUnit,
    'usage',
    b('dynamo'),
  );
  add(
    'DynamoDB',
    'write request units',
    inputs.dynamoWriteUnitsPerMonth,
    'WRU',
    prices.dynamoWriteUnit,
    'usage',
    b('dynamo'),
  );
  add('DynamoDB', 'storage', inputs.dynamoStorageGb, 'GB-month', prices.dynamoStorageGbMonth, 'usage', b('storage'));
  add('SNS', 'publishes', inputs.alertsPerMonth, 'publishes', prices.snsPublish, 'usage', b('alerts'));
  add(
    'SNS',
    'email notifications',
    inputs.alertsPerMonth * inputs.emailsPerAlert,
    'emails',
    prices.snsEmail,
    'usage',
    b('alerts'),
  );
  add(
    'EventBridge',
    'alert events',
    inputs.alertsPerMonth,
    'events',
    prices.eventBridgeCustomEvent,
    'usage',
    b('alerts'),
  );
  const metricMonths = (inputs.customMetrics * inputs.metricHoursPerMetric) / HOURS_PER_MONTH;
  add(
    'CloudWatch',
    `custom metrics (${inputs.customMetrics} × ${inputs.metricHoursPerMetric} h)`,
    metricMonths,
    'metric-months',
    prices.cloudWatchMetricMonth,
    'usage',
    b('metrics'),
  );
  add(
    'CloudWatch',
    'logs ingestion (logs + EMF)',
    inputs.logGbPerMonth,
    'GB',
    prices.cloudWatchLogsIngestionGb,
    'usage',
    b('logs'),
  );
  add(
    'CloudWatch',
    'logs storage (steady state)',
    inputs.logGbStored,
    'GB-month',
    prices.cloudWatchLogsStorageGbMonth,
    'usage',
    b('logs'),
  );
  add('KMS', 'requests', inputs.kmsRequestsPerMonth, 'requests', prices.kmsRequest, 'usage', 'assumed');
  if (inputs.secretStore === 'ssm-parameter-store') {
    // GetParameter on standard parameters is free; each decryption is a KMS request with the aws/ssm key
    add(
      'KMS',
      'aws/ssm decrypts (GetParameter WithDecryption)',
      inputs.secretReadsPerMonth,
      'requests',
      prices.kmsRequest,
      'usage',
      b('secrets'),
    );
    add(
      'SSM Parameter Store',
      'vendor credentials SecureString parameters (standard)',
      inputs.accounts,
      'parameters',
      prices.ssmStandardParameter,
      'fixed',
      'measured',
    );
  } else {
    add(
      'Secrets Manager',
      'GetSecretValue',
      inputs.secretReadsPerMonth,
      'calls',
      prices.secretApiCall,
      'usage',
      b('secrets'),
    );
    add(
      'Secrets Manager',
      'vendor credentials secrets',
      inputs.accounts,
      'secrets',
      prices.secretMonth,
      'fixed',
      'measured',
    );
  }
  const linkReads = inputs.linkSecretReadsPerMonth ?? 0;
  if (inputs.linkParameter) {
    add(
      'SSM Parameter Store',
      'link secret SecureString parameter (standard, created on deploy)',
      1,
      'parameters',
      prices.ssmStandardParameter,
      'fixed',
      'measured',
    );
    add('KMS', 'aws/ssm decrypts of the link parameter', linkReads, 'requests', prices.kmsRequest, 'usage', 'assumed');
  } else if (inputs.generatedSecrets > 0) {
    add(
      'Secrets Manager',
      'GetSecretValue of the link secret',
      linkReads,
      'calls',
      prices.secretApiCall,
      'usage',
      'assumed',
    );
  }
  add(
    'Secrets Manager',
    'link secret and feed-token seed (generated)',
    inputs.generatedSecrets,
    'secrets',
    prices.secretMonth,
    'fixed',
    'measured',
  );
  add('KMS', 'customer managed key (first year)', inputs.kmsKeys, 'keys', prices.kmsKeyMonth, 'fixed', 'measured');
  add('CloudWatch', 'alarms', inputs.alarms, 'alarms', prices.cloudWatchAlarm, 'fixed', 'measured');
  add('CloudWatch', 'dashboards', inputs.dashboards, 'dashboards', prices.cloudWatchDashboard, 'fixed', 'measured');

  const sum = (list: readonly LineItem[]) => list.reduce((s, i) => s + i.monthlyUsd, 0);
  const usage = items.filter((i) => i.kind === 'usage');
  const usageUsd = sum(usage);
  const fixedUsd = sum(items.filter((i) => i.kind === 'fixed'));
  const largest = [...usage].sort((a, b2) => b2.monthlyUsd - a.monthlyUsd)[0]!;
  return {
    label: inputs.label,
    services: inputs.services,
    accounts: inputs.accounts,
    lineItems: items,
    usageUsd,
    fixedUsd,
    totalUsd: usageUsd + fixedUsd,
    totalWithSsmUsd:
      inputs.secretStore === 'ssm-parameter-store'
        ? usageUsd + fixedUsd
        : costModel({ ...inputs, secretStore: 'ssm-parameter-store' }, prices).totalUsd,
    metricsFullMonthUsd: inputs.customMetrics * prices.cloudWatchMetricMonth.usd,
    largestUsage: {
      item: `${largest.service} ${largest.item}`,
      share: usageUsd > 0 ? largest.monthlyUsd / usageUsd : 0,
    },
  };
}

/** A small always-on VM running a self-hosted tracker, for comparison: instance, 8 GB gp3, public IPv4. */
export function vmCost(instance: 'nano' | 'micro', prices: Prices = PRICES) {
  const hour = instance === 'nano' ? prices.ec2T4gNanoHour : prices.ec2T4gMicroHour;
  const instanceUsd = hour.usd * HOURS_PER_MONTH;
  const ebsUsd = 8 * prices.ebsGp3GbMonth.usd;
  const ipv4Usd = prices.publicIpv4Hour.usd * HOURS_PER_MONTH;
  return {
    label: `t4g.${instance} + 8 GB gp3 + public IPv4`,
    instanceUsd,
    ebsUsd,
    ipv4Usd,
    totalUsd: instanceUsd + ebsUsd + ipv4Usd,
    note: 'before any mail/SMS delivery, backups, patching or a second instance for availability',
  };
}
