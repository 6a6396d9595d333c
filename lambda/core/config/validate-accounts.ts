/** `accounts[]`: the vendor accounts that are polled. */
import { VENDORS, type AccountConfig, type BalancePolicy, type SpendPolicy, type Vendor } from '../model';
import { readEndpoint } from './endpoint';
import {
  describeValue,
  expectMapping,
  isMapping,
  readEnum,
  readId,
  unknownFieldMessage,
  valueOf,
  type Mapping,
} from './fields';
import { reportDuplicateId, type ListPosition } from './ids';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';
import { readSecretName } from './secret-names';
import { closestMatch } from './suggest';

const ACCOUNT_FIELDS = ['id', 'vendor', 'credentials', 'endpoint', 'balance', 'spend'] as const;
const BALANCE_FIELDS = ['minAmount', 'minRunwayDays', 'minFractionOfMonthlySpend'] as const;
const SPEND_FIELDS = ['spikeFactor', 'spikeMinAmount', 'monthlyGrowth'] as const;

/**
 * Validates one account. Keys it does not know are vendor extras (price table, site, product codes) and
 * pass through in `options` for the vendor adapter to check, except keys one typo away from a known
 * field (`credential`, `endpiont`): those are mistakes that would otherwise vanish silently.
 */
export function validateAccount(log: ProblemLog, raw: unknown, at: ListPosition): AccountConfig | undefined {
  const path = itemPath(at.listPath, at.index);
  const obj = expectMapping(log, raw, path, 'an account (a mapping with id, vendor and credentials)');
  if (!obj) return undefined;
  const before = log.count;

  const id = readId(log, obj, path, 'agora-main');
  if (id !== undefined) reportDuplicateId(log, id, at);
  const vendor = readEnum(log, obj, path, 'vendor', VENDORS, 'a supported vendor', true);
  const credentials = readCredentials(log, obj, path, vendor, id);
  const endpointValue = valueOf(obj, 'endpoint');
  const endpoint =
    endpointValue === undefined ? undefined : readEndpoint(log, endpointValue, fieldPath(path, 'endpoint'));
  const balanceValue = valueOf(obj, 'balance');
  const balance = balanceValue === undefined ? undefined : readBalance(log, balanceValue, fieldPath(path, 'balance'));
  const spendValue = valueOf(obj, 'spend');
  const spend = spendValue === undefined ? undefined : readSpend(log, spendValue, fieldPath(path, 'spend'));

  const options: [string, unknown][] = [];
  for (const key of Object.keys(obj)) {
    if ((ACCOUNT_FIELDS as readonly string[]).includes(key)) continue;
    const suggestion = closestMatch(key, ACCOUNT_FIELDS);
    if (suggestion) log.error(fieldPath(path, key), `unknown field; did you mean ${suggestion}?`);
    else options.push([key, obj[key]]);
  }

  if (log.count > before || id === undefined || vendor === undefined) return undefined;
  return {
    id,
    vendor,
    ...(credentials !== undefined && { credentials }),
    ...(endpoint !== undefined && { endpoint }),
    ...(balance !== undefined && { balance }),
    ...(spend !== undefined && { spend }),
    // fromEntries defines properties, so an extra named __proto__ stays data and never becomes a prototype.
    options: Object.fromEntries(options),
  };
}

function readCredentials(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  vendor: Vendor | undefined,
  id: string | undefined,
): string | undefined {
  const value = valueOf(obj, 'credentials');
  const at = fieldPath(path, 'credentials');
  if (vendor === 'manual') {
    if (value !== undefined) log.error(at, 'not used by vendor manual (nothing is polled); remove it');
    return undefined;
  }
  if (value === undefined) {
    if (vendor !== undefined) {
      log.error(
        at,
        `required for vendor ${vendor}; give the name of the Secrets Manager secret holding its credentials`,
      );
    }
    return undefined;
  }
  return readSecretName(log, value, at, `renewal-guard/${id ?? 'agora-main'}`);
}

function readBalance(log: ProblemLog, value: unknown, path: string): BalancePolicy | undefined {
  if (!isMapping(value)) {
    log.error(path, `expected a mapping with ${BALANCE_FIELDS.join(', ')}, got ${describeValue(value)}`);
    return undefined;
  }
  const before = log.count;
  for (const key of Object.keys(value)) {
    if ((BALANCE_FIELDS as readonly string[]).includes(key)) continue;
    log.error(fieldPath(path, key), unknownFieldMessage(key, BALANCE_FIELDS));
  }
  const minAmount = readThreshold(log, value, path, 'minAmount', false);
  const minRunwayDays = readThreshold(log, value, path, 'minRunwayDays', false);
  const minFractionOfMonthlySpend = readThreshold(log, value, path, 'minFractionOfMonthlySpend', true);
  if (log.count > before) return undefined;
  return {
    ...(minAmount !== undefined && { minAmount }),
    ...(minRunwayDays !== undefined && { minRunwayDays }),
    ...(minFractionOfMonthlySpend !== undefined && { minFractionOfMonthlySpend }),
  };
}

/** `0 or more`, or for the fraction of monthly spend: above 0 and at most 10 (ten months' worth). */
function readThreshold(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  key: string,
  fraction: boolean,
): number | undefined {
  const value = valueOf(obj, key);
  const at = fieldPath(path, key);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    log.error(at, `expected a number, got ${describeValue(value)}`);
    return undefined;
  }
  if (fraction ? value > 0 && value <= 10 : value >= 0 && Number.isFinite(value)) return value;
  log.error(
    at,
    fraction
      ? `${value} is out of range; give a number above 0 and at most 10`
      : `${value} is out of range; give 0 or more`,
  );
  return undefined;
}

/**
 * Spend-trend thresholds: `spikeFactor` above 1 and at most 100 (times the trailing average),
 * `spikeMinAmount` 0 or more (in the account's currency), `monthlyGrowth` above 0 and at most 10
 * (0.3 = 30% month over month).
 */
function readSpend(log: ProblemLog, value: unknown, path: string): SpendPolicy | undefined {
  if (!isMapping(value)) {
    log.error(path, `expected a mapping with ${SPEND_FIELDS.join(', ')}, got ${describeValue(value)}`);
    return undefined;
  }
  const before = log.count;
  for (const key of Object.keys(value)) {
    if (!(SPEND_FIELDS as readonly string[]).includes(key)) {
      log.error(fieldPath(path, key), unknownFieldMessage(key, SPEND_FIELDS));
    }
  }
  const read = (key: string, ok: (n: number) => boolean, range: string): number | undefined => {
    const n = valueOf(value, key);
    if (n === undefined) return undefined;
    if (typeof n !== 'number') {
      log.error(fieldPath(path, key), `expected a number, got ${describeValue(n)}`);
      return undefined;
    }
    if (Number.isFinite(n) && ok(n)) return n;
    log.error(fieldPath(path, key), `${n} is out of range; give ${range}`);
    return undefined;
  };
  const spikeFactor = read('spikeFactor', (n) => n > 1 && n <= 100, 'a number above 1 and at most 100');
  const spikeMinAmount = read('spikeMinAmount', (n) => n >= 0, '0 or more');
  const monthlyGrowth = read('monthlyGrowth', (n) => n > 0 && n <= 10, 'a fraction above 0 and at most 10 (0.3 = 30%)');
  if (log.count > before) return undefined;
  return {
    ...(spikeFactor !== undefined && { spikeFactor }),
    ...(spikeMinAmount !== undefined && { spikeMinAmount }),
    ...(monthlyGrowth !== undefined && { monthlyGrowth }),
  };
}
