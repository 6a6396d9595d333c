import { resolveCredentials } from './http/credentials';
import { judgeWithEnvelope, textField } from './http/default-judge';
import { callJson, describeJson, ShapeProblem } from './http/json-call';
import { OptionReader } from './http/option-reader';
import { parseAmount } from './http/parse-amount';
import { baseUrl } from './http/request-helpers';
import { epochDay, startsWithCalendarDay } from './http/vendor-days';
import { parseJsonPath, readJsonPath, type JsonPath } from './http-json/json-path';
import { isCalendarDate } from '../core/dates';
import type { AccountConfig, IsoDate } from '../core/model';
import type { AccountSnapshot, Entitlement, Money, PollContext, VendorAdapter } from '../core/vendor-port';

interface HttpJsonOptions {
  readonly path: string;
  readonly balancePath: { readonly text: string; readonly steps: JsonPath };
  readonly currency: { readonly fixed: string } | { readonly text: string; readonly steps: JsonPath };
  readonly expiryPath?: { readonly text: string; readonly steps: JsonPath };
  readonly authHeader: string;
  readonly authScheme: string;
}

/**
 * The headers a token may travel in. An allow-list, not a syntax check: `Host`, `Content-Length`,
 * `Cookie` or `Accept` would validate as header names, then the HTTP stack drops, overrides or
 * misroutes the token (a `Host: <token>` request goes nowhere and the balance silently stops).
 */
export const AUTH_HEADERS = [
  'Authorization',
  'X-Api-Key',
  'Api-Key',
  'X-Auth-Token',
  'X-Access-Token',
  'X-Api-Token',
  'Private-Token',
] as const;

/** Generic error envelopes: `{ message }`, `{ error: "code", message }`, `{ error: { code, message } }`. */
const judge = judgeWithEnvelope((body) => {
  const nested = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return {
    code: textField(body, 'code') ?? textField(body, 'error') ?? textField(nested, 'code'),
    message: textField(body, 'message') ?? textField(nested, 'message') ?? textField(body, 'error_description'),
  };
});

/**
 * Any other vendor with a JSON balance endpoint: `GET <endpoint><path>` with the secret's `token` in
 * an auth header, and JSON paths to the balance, the currency and optionally an expiry date.
 *
 * Options: `balancePath` (required, e.g. `data.balance`); `currency` (a fixed code) or `currencyPath`;
 * `expiryPath` (an ISO date or date-time, or Unix seconds or milliseconds; becomes an entitlement);
 * `path` (default `/balance`); `authHeader` (default `Authorization`; one of AUTH_HEADERS); `authScheme` (default `Bearer`
 * with Authorization and none with any other header; `''` sends the bare token). The account's
 * `endpoint` is required. Secret field: `token`.
 */
export class HttpJsonVendor implements VendorAdapter {
  readonly vendor = 'http-json' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const options = readHttpJsonOptions(account);
    const { token } = await resolveCredentials(account, ctx, ['token']);
    const url = `${baseUrl(account, '')}${options.path}`;
    const authorization = options.authScheme === '' ? token : `${options.authScheme} ${token}`;

    const read = await callJson(
      ctx.http,
      {
        vendor: 'http-json',
        accountId: account.id,
        operation: `GET ${options.path}`,
        prepare: () => ({
          method: 'GET',
          url,
          headers: { [options.authHeader]: authorization, accept: 'application/json' },
        }),
        judge,
      },
      (json) => readAnswer(json, options, account),
    );

    return {
      accountId: account.id,
      vendor: 'http-json',
      takenAt: ctx.now.toISOString(),
      balance: read.balance,
      entitlements: read.expiry ? [read.expiry] : [],
      raw: { answer: withoutValue(read.answer, token) },
    };
  }
}

/** The http-json account's options, all problems reported at once (an AccountSetupError). */
export function readHttpJsonOptions(account: AccountConfig): HttpJsonOptions {
  const known = ['path', 'balancePath', 'currency', 'currencyPath', 'expiryPath', 'authHeader', 'authScheme'];
  const r = new OptionReader(account, known);
  if (account.endpoint === undefined) r.problem('endpoint', "http-json needs the URL of the vendor's API in endpoint");
  const path = r.get('path') === undefined ? '/balance' : r.text(r.get('path'), 'path');
  if (path && !path.startsWith('/')) r.problem('path', 'must start with /');
  const jsonPath = (name: string) => {
    const text = r.text(r.get(name), name);
    const steps = text === undefined ? undefined : parseJsonPath(text);
    if (text !== undefined && !steps) r.problem(name, 'not a JSON path; write it like data.balance or items[0].amount');
    return text !== undefined && steps ? { text, steps } : undefined;
  };
  const balancePath = jsonPath('balancePath');
  let currency: HttpJsonOptions['currency'] | undefined;
  if (r.get('currency') !== undefined && r.get('currencyPath') !== undefined) {
    r.problem('currency', 'give currency or currencyPath, not both');
  } else if (r.get('currency') !== undefined) {
    const fixed = r.currency(r.get('currency'), 'currency');
    currency = fixed ? { fixed } : undefined;
  } else if (r.get('currencyPath') !== undefined) {
    currency = jsonPath('currencyPath');
  } else {
    r.problem('currency', 'give the currency code (currency: USD) or where the answer has it (currencyPath)');
  }
  const expiryPath = r.get('expiryPath') === undefined ? undefined : jsonPath('expiryPath');
  const given = r.get('authHeader') === undefined ? 'Authorization' : r.text(r.get('authHeader'), 'authHeader');
  const authHeader = given && AUTH_HEADERS.find((h) => h.toLowerCase() === given.toLowerCase());
  if (given && !authHeader) {
    r.problem(
      'authHeader',
      `${/^[A-Za-z0-9-]{1,64}$/.test(given) ? `"${given}"` : 'the value'} is not a header that carries a credential; ` +
        `use one of ${AUTH_HEADERS.join(', ')}`,
    );
  }
  const schemeValue = r.get('authScheme');
  const authScheme =
    schemeValue === undefined
      ? authHeader?.toLowerCase() === 'authorization'
        ? 'Bearer'
        : ''
      : typeof schemeValue === 'string' && /^[A-Za-z0-9-]*$/.test(schemeValue)
        ? schemeValue
        : r.problem('authScheme', 'expected a scheme word such as Bearer, or an empty string');
  r.finish();
  return {
    path: path!,
    balancePath: balancePath!,
    currency: currency!,
    ...(expiryPath && { expiryPath }),
    authHeader: authHeader!,
    authScheme: authScheme!,
  };
}

function readAnswer(
  json: unknown,
  options: HttpJsonOptions,
  account: AccountConfig,
): { balance: Money; expiry?: Entitlement; answer: unknown } {
  const { amount, exact } = parseAmount(readJsonPath(json, options.balancePath.steps), `"${options.balancePath.text}"`);
  let currency: string;
  if ('fixed' in options.currency) {
    currency = options.currency.fixed;
  } else {
    const value = readJsonPath(json, options.currency.steps);
    if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value.trim())) {
      throw new ShapeProblem(`"${options.currency.text}" is not a currency code (got ${describeJson(value)})`);
    }
    currency = value.trim().toUpperCase();
  }
  const expiry = options.expiryPath && {
    id: 'expiry',
    name: `${account.id} expiry`,
    expiresOn: readDate(readJsonPath(json, options.expiryPath.steps), `"${options.expiryPath.text}"`),
  };
  return { balance: { amount, currency, exact }, ...(expiry && { expiry }), answer: json };
}

/** `2026-10-09`, `2026-10-09T16:00:00Z` (its UTC date), or Unix seconds / milliseconds. */
function readDate(value: unknown, what: string): IsoDate {
  if (isCalendarDate(typeof value === 'string' ? value.trim() : value)) {
    return (value as string).trim();
  } else if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T/.test(value.trim()) &&
    startsWithCalendarDay(value.trim())
  ) {
    const at = Date.parse(value.trim());
    if (!Number.isNaN(at)) return new Date(at).toISOString().slice(0, 10);
  } else if (typeof value === 'number' && value > 0 && epochDay(value) !== undefined) {
    return epochDay(value)!;
  }
  throw new ShapeProblem(
    `${what} is ${value === undefined ? 'missing' : `not a date (ISO-8601 or a Unix timestamp; got ${describeJson(value)})`}`,
  );
}

/** The answer for `raw`, with any string equal to the token replaced: a vendor may echo it. */
function withoutValue(value: unknown, secret: string): unknown {
  if (value === secret) return '[redacted]';
  if (Array.isArray(value)) return value.map((v) => withoutValue(v, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutValue(v, secret)]));
  }
  return value;
}
