import { AccountSetupError } from './account-setup-error';
import { isCalendarDate, isSupportedDate, SUPPORTED_YEARS } from '../../core/dates';
import type { AccountConfig, IsoDate } from '../../core/model';

/**
 * Reads an account's vendor options and collects every problem, so one error lists them all, each
 * with its option path (`prices.perThousandMinutes.durationVideoHd: expected a number of 0 or more`).
 * Readers return undefined for a missing or invalid value; `finish()` throws if anything was wrong.
 * Option values are not secrets, but messages describe them by kind rather than quote them anyway.
 */
export class OptionReader {
  private readonly problems: string[] = [];

  constructor(
    private readonly account: AccountConfig,
    known: readonly string[],
  ) {
    for (const key of Object.keys(account.options)) {
      if (!known.includes(key)) this.problem(key, `unknown option; this vendor takes ${known.join(', ') || 'none'}`);
    }
  }

  get(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.account.options, name) ? this.account.options[name] : undefined;
  }

  problem(path: string, message: string): undefined {
    this.problems.push(`option ${path}: ${message}`);
    return undefined;
  }

  /** Throws one AccountSetupError listing every problem found. */
  finish(): void {
    if (this.problems.length > 0) throw new AccountSetupError(this.account.vendor, this.account.id, this.problems);
  }

  mapping(value: unknown, path: string): Readonly<Record<string, unknown>> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return this.problem(path, `expected a mapping, got ${kindOf(value)}`);
  }

  text(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    return this.problem(path, `expected a non-empty string, got ${kindOf(value)}`);
  }

  number(value: unknown, path: string, min: number): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
    return this.problem(path, `expected a number of ${min} or more, got ${kindOf(value)}`);
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return this.problem(path, `expected a whole number from ${min} to ${max}, got ${kindOf(value)}`);
  }

  date(value: unknown, path: string): IsoDate | undefined {
    if (isSupportedDate(value)) return value;
    if (isCalendarDate(value)) {
      return this.problem(
        path,
        `${value} is outside the supported years ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}`,
      );
    }
    return this.problem(path, `expected a calendar date YYYY-MM-DD, got ${kindOf(value)}`);
  }

  currency(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) return value;
    return this.problem(path, `expected an ISO 4217 currency code such as USD, got ${kindOf(value)}`);
  }

  textList(value: unknown, path: string): readonly string[] | undefined {
    if (!Array.isArray(value) || value.length === 0) {
      return this.problem(path, `expected a non-empty list of strings, got ${kindOf(value)}`);
    }
    const items = value.map((item, i) => this.text(item, `${path}[${i}]`));
    return items.every((item): item is string => item !== undefined) ? items : undefined;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.problem(path, `expected one of ${allowed.join(', ')}, got ${kindOf(value)}`);
  }
}

/** A value's kind, and its text when it is a short number or date-like scalar that helps the fix. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'another string';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
