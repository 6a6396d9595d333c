import { AccountSetupError } from './http/account-setup-error';
import { resolveCredentials } from './http/credentials';
import { judgeWithEnvelope, textField } from './http/default-judge';
import { asArray, asObject, callJson, describeJson, ShapeProblem } from './http/json-call';
import { OptionReader } from './http/option-reader';
import { parseAmount } from './http/parse-amount';
import { basicAuthorization, baseUrl, urlOf } from './http/request-helpers';
import { addDays, isCalendarDate } from '../core/dates';
import type { AccountConfig, IsoDate } from '../core/model';
import type { VendorCall } from '../core/vendor-http-port';
import type { AccountSnapshot, DailyUsage, Money, PollContext, VendorAdapter } from '../core/vendor-port';

/** Twilio sends 2010 API errors as `{ code, message, more_info, status }`; the code is a number (20003). */
const judge = judgeWithEnvelope((body) => ({ code: textField(body, 'code'), message: textField(body, 'message') }));

/** A runaway `next_page_uri` chain stops here: 30 days of one category is one page. */
const MAX_PAGES = 20;

interface TwilioOptions {
  readonly usageCategory: string;
  readonly usageDays: number;
}

/**
 * Twilio (vendor-apis.md §2): the balance from `Balance.json` (a decimal string, possibly negative, in
 * the currency it names) and the daily spend from daily Usage Records of one category (default
 * `totalprice`: everything the account spent), following `next_page_uri` — whole GMT days up to
 * yesterday. Pay-as-you-go: no entitlements. Point it at a parent account: child accounts carry no
 * balance.
 *
 * Options: `usageCategory` (default `totalprice`), `usageDays` (default 30). Secret fields:
 * `accountSid`, and `authToken` or an API key (`apiKeySid` and `apiKeySecret`, recommended).
 */
export class TwilioVendor implements VendorAdapter {
  readonly vendor = 'twilio' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const options = readTwilioOptions(account);
    const secret = await resolveCredentials(account, ctx, ['accountSid'], ['authToken', 'apiKeySid', 'apiKeySecret']);
    const [user, password] = login(account, secret);
    const base = baseUrl(account, 'https://api.twilio.com');
    const accountPath = `/2010-04-01/Accounts/${encodeURIComponent(secret.accountSid)}`;
    const call = (operation: string, url: string): VendorCall => ({
      vendor: 'twilio',
      accountId: account.id,
      operation,
      prepare: () => ({ method: 'GET', url, headers: { authorization: basicAuthorization(user, password) } }),
      judge,
    });

    const balance = await callJson(
      ctx.http,
      call('GET /Balance.json', `${base}${accountPath}/Balance.json`),
      readBalance,
    );

    const today = ctx.now.toISOString().slice(0, 10);
    const window = { from: addDays(today, -options.usageDays), to: addDays(today, -1) };
    const records: UsageRecord[] = [];
    let url: string | undefined = urlOf(base, `${accountPath}/Usage/Records/Daily.json`, {
      Category: options.usageCategory,
      StartDate: window.from,
      EndDate: window.to,
      PageSize: '100',
    });
    let pages = 0;
    // A vendor that keeps pointing at a page already read would loop until MAX_PAGES: stop at once.
    const read = new Set<string>([url.slice(base.length)]);
    while (url !== undefined) {
      if (++pages > MAX_PAGES) {
        throw new AccountSetupError('twilio', account.id, [
          `daily usage records ran past ${MAX_PAGES} pages; choose a narrower option usageCategory or usageDays`,
        ]);
      }
      const page: UsagePage = await callJson(ctx.http, call('GET /Usage/Records/Daily.json', url), (json) => {
        const answer = readUsagePage(json, accountPath);
        if (answer.next !== undefined && read.has(answer.next)) {
          throw new ShapeProblem('"next_page_uri" repeats a page already read');
        }
        return answer;
      });
      if (page.next !== undefined) read.add(page.next);
      records.push(...page.records);
      url = page.next === undefined ? undefined : `${base}${page.next}`;
    }

    return {
      accountId: account.id,
      vendor: 'twilio',
      takenAt: ctx.now.toISOString(),
      balance: balance.money,
      dailySpend: dailySpend(records, balance.money.currency),
      entitlements: [],
      raw: {
        balance: balance.answer,
        usage: { category: options.usageCategory, ...window, pages, records: records.length },
      },
    };
  }
}

/** The Twilio account's options, all problems reported at once (an AccountSetupError). */
export function readTwilioOptions(account: AccountConfig): TwilioOptions {
  const r = new OptionReader(account, ['usageCategory', 'usageDays']);
  const usageCategory =
    r.get('usageCategory') === undefined ? 'totalprice' : r.text(r.get('usageCategory'), 'usageCategory');
  const usageDays = r.get('usageDays') === undefined ? 30 : r.integer(r.get('usageDays'), 'usageDays', 1, 400);
  r.finish();
  return { usageCategory: usageCategory!, usageDays: usageDays! };
}

function login(account: AccountConfig, s: Partial<Record<string, string>> & { accountSid: string }): [string, string] {
  if (s.apiKeySid && s.apiKeySecret) return [s.apiKeySid, s.apiKeySecret];
  if (s.authToken) return [s.accountSid, s.authToken];
  const has = s.apiKeySid
    ? '"apiKeySid" without "apiKeySecret"'
    : s.apiKeySecret
      ? '"apiKeySecret" without "apiKeySid"'
      : 'neither';
  throw new AccountSetupError('twilio', account.id, [
    `secret "${account.credentials}" needs "authToken", or "apiKeySid" and "apiKeySecret" (it has ${has})`,
  ]);
}

function readBalance(json: unknown): { money: Money; answer: Record<string, unknown> } {
  const answer = asObject(json, 'the answer');
  const { amount, exact } = parseAmount(answer.balance, '"balance"');
  const currency = answer.currency;
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) {
    throw new ShapeProblem(`"currency" is not a currency code (got ${describeJson(currency)})`);
  }
  return { money: { amount, currency: currency.toUpperCase(), exact }, answer };
}

interface UsageRecord {
  readonly date: IsoDate;
  readonly price: number;
  readonly unit?: string;
}

interface UsagePage {
  readonly records: readonly UsageRecord[];
  /** The next page's path and query, below the API host. */
  readonly next?: string;
}

function readUsagePage(json: unknown, accountPath: string): UsagePage {
  const page = asObject(json, 'the answer');
  const records = asArray(page.usage_records, '"usage_records"').map((entry, i): UsageRecord => {
    const r = asObject(entry, `usage_records[${i}]`);
    const date = r.start_date;
    if (!isCalendarDate(date)) {
      throw new ShapeProblem(`usage_records[${i}].start_date is not a date (got ${describeJson(date)})`);
    }
    const price = parseAmount(r.price, `usage_records[${i}].price`).amount;
    const unit = typeof r.price_unit === 'string' && r.price_unit !== '' ? r.price_unit.toUpperCase() : undefined;
    return { date, price, ...(unit && { unit }) };
  });
  return { records, ...nextPage(page.next_page_uri, accountPath) };
}

/**
 * `next_page_uri` is a path below the API host. It is followed on our own base URL only, and only
 * within this account: an absolute or foreign URI would send the credentials somewhere else.
 */
function nextPage(value: unknown, accountPath: string): { next?: string } {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value !== 'string') throw new ShapeProblem(`"next_page_uri" is not a path (got ${describeJson(value)})`);
  const path = value.replace(/^https:\/\/api\.twilio\.com(?=\/)/, '');
  if (!path.startsWith(`${accountPath}/Usage/Records/`)) {
    throw new ShapeProblem('"next_page_uri" leads outside this account\'s usage records');
  }
  return { next: path };
}

/** One amount per day, oldest first, in the records' price unit (or the balance's currency when absent). */
function dailySpend(records: readonly UsageRecord[], currency: string): DailyUsage[] {
  const byDay = new Map<string, DailyUsage>();
  for (const r of records) {
    const unit = r.unit ?? currency;
    const key = `${r.date} ${unit}`;
    const sum = byDay.get(key);
    byDay.set(key, { date: r.date, amount: (sum?.amount ?? 0) + r.price, unit });
  }
  return [...byDay.values()]
    .map((d) => ({ ...d, amount: Math.round(d.amount * 1e4) / 1e4 }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.unit < b.unit ? -1 : 1));
}
