/** The cost model's pricing of the lean profile's choices (bench/cost-model.ts), on round inputs. */
import { PRICES } from '../../bench/cost/prices';
import { costModel, type CostInputs } from '../../bench/cost-model';

const secureDefault: CostInputs = {
  label: '100 services / 10 accounts',
  services: 100,
  accounts: 10,
  secretStore: 'secrets-manager',
  generatedSecrets: 2,
  cyclesPerMonth: 30,
  lambdaMemoryGb: 0.5,
  lambdaSecondsPerCycle: 1,
  dynamoReadUnitsPerMonth: 1000,
  dynamoWriteUnitsPerMonth: 1000,
  dynamoStorageGb: 0.001,
  alertsPerMonth: 50,
  emailsPerAlert: 1,
  customMetrics: 9,
  metricHoursPerMetric: 24,
  logGbPerMonth: 0.001,
  logGbStored: 0.012,
  alarms: 4,
  dashboards: 1,
  kmsKeys: 1,
  kmsRequestsPerMonth: 350,
  secretReadsPerMonth: 300,
  basis: {},
};
const lean: CostInputs = { ...secureDefault, secretStore: 'ssm-parameter-store', dashboards: 0, kmsKeys: 0 };

function item(inputs: CostInputs, service: string, name: string) {
  return costModel(inputs).lineItems.find((i) => i.service === service && i.item === name);
}

describe('the cost model', () => {
  it('prices vendor credentials in Secrets Manager at $0.40 a secret, read by GetSecretValue', () => {
    expect(item(secureDefault, 'Secrets Manager', 'vendor credentials secrets')?.monthlyUsd).toBeCloseTo(4, 6);
    expect(item(secureDefault, 'Secrets Manager', 'GetSecretValue')?.monthlyUsd).toBeCloseTo(
      300 * PRICES.secretApiCall.usd,
      9,
    );
    expect(item(secureDefault, 'SSM Parameter Store', 'vendor credentials SecureString parameters (standard)')).toBe(
      undefined,
    );
  });

  it('prices SecureString parameters at nothing, their reads as aws/ssm KMS requests', () => {
    expect(item(lean, 'SSM Parameter Store', 'vendor credentials SecureString parameters (standard)')).toMatchObject({
      quantity: 10,
      monthlyUsd: 0,
      kind: 'fixed',
    });
    expect(item(lean, 'KMS', 'aws/ssm decrypts (GetParameter WithDecryption)')?.monthlyUsd).toBeCloseTo(
      300 * PRICES.kmsRequest.usd,
      9,
    );
    expect(costModel(lean).lineItems.filter((i) => i.item === 'vendor credentials secrets')).toEqual([]);
  });

  it('counts the secrets the template generates (the links) in every profile', () => {
    expect(item(secureDefault, 'Secrets Manager', 'link secret and feed-token seed (generated)')?.monthlyUsd).toBe(0.8);
    expect(item(lean, 'Secrets Manager', 'link secret and feed-token seed (generated)')?.monthlyUsd).toBe(0.8);
  });

  it('prices the link secret kept in a SecureString parameter at nothing, its reads as aws/ssm KMS requests', () => {
    const leanLinks: CostInputs = { ...lean, generatedSecrets: 0, linkParameter: true, linkSecretReadsPerMonth: 90 };

    expect(
      item(leanLinks, 'SSM Parameter Store', 'link secret SecureString parameter (standard, created on deploy)'),
    ).toMatchObject({ quantity: 1, monthlyUsd: 0, kind: 'fixed' });
    expect(item(leanLinks, 'KMS', 'aws/ssm decrypts of the link parameter')?.monthlyUsd).toBeCloseTo(
      90 * PRICES.kmsRequest.usd,
      9,
    );
    expect(costModel(leanLinks).fixedUsd).toBeCloseTo(4 * 0.1, 9);
    expect(costModel(leanLinks).totalUsd).toBeLessThan(costModel(lean).totalUsd - 0.79);
  });

  it('makes the lean guard cost its alarms and generated secrets plus usage, and the same guard with SSM', () => {
    const leanCost = costModel(lean);
    expect(leanCost.fixedUsd).toBeCloseTo(4 * 0.1 + 2 * 0.4, 9);
    expect(leanCost.totalUsd).toBeCloseTo(leanCost.fixedUsd + leanCost.usageUsd, 9);
    // the secure default with only the store changed: keeps its key and dashboard
    expect(costModel(secureDefault).totalWithSsmUsd).toBeCloseTo(
      costModel({ ...secureDefault, secretStore: 'ssm-parameter-store' }).totalUsd,
      9,
    );
    expect(costModel(secureDefault).totalUsd - costModel(secureDefault).totalWithSsmUsd).toBeCloseTo(
      4 + 300 * (PRICES.secretApiCall.usd - PRICES.kmsRequest.usd),
      9,
    );
  });
});
