import type { RemoteSays } from '../http';
import { resolveCredentials } from './http/credentials';
import { judgeWithEnvelope, textField } from './http/default-judge';
import { asObject, callJson } from './http/json-call';
import { OptionReader } from './http/option-reader';
import { parseAmount } from './http/parse-amount';
import { basicAuthorization, baseUrl, urlOf } from './http/request-helpers';
import type { AccountConfig } from '../core/model';
import type { PreparedRequest } from '../core/vendor-http-port';
import type { AccountSnapshot, PollContext, VendorAdapter } from '../core/vendor-port';

/**
 * Vonage errors are RFC 7807 problems (`type` ending in `#unauthorized`, `title`, `detail`); older
 * Account API answers use `error-code` / `error-code-label`.
 */
function vonageSays(body: unknown): RemoteSays {
  const type = textField(body, 'type');
  return {
    code: type?.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : (textField(body, 'error-code') ?? type),
    message: textField(body, 'detail') ?? textField(body, 'title') ?? textField(body, 'error-code-label'),
  };
}

const judge = judgeWithEnvelope(vonageSays);

/**
 * Vonage (vendor-apis.md §3): the account balance from `GET /account/get-balance`, in EUR (a number;
 * a decimal string is read too), and `autoReload` kept in `raw` — an account that reloads itself is at
 * less risk when low. No usage or expiry: the Reports API is itself paid.
 *
 * Caveat (§3.3): legacy Video API (OpenTok) accounts are postpaid and have no prepaid balance to
 * watch; whether unified-environment video usage draws on this wallet is unconfirmed.
 *
 * Options: `authStyle` — `header` (default: Basic auth, the secret stays out of URLs and proxy logs) or
 * `query` (`api_key`/`api_secret` parameters, for gateways that strip Authorization). Secret fields:
 * `apiKey`, `apiSecret`.
 */
export class VonageVendor implements VendorAdapter {
  readonly vendor = 'vonage' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const { authStyle } = readVonageOptions(account);
    const { apiKey, apiSecret } = await resolveCredentials(account, ctx, ['apiKey', 'apiSecret']);
    const base = baseUrl(account, 'https://rest.nexmo.com');

    const answer = await callJson(
      ctx.http,
      {
        vendor: 'vonage',
        accountId: account.id,
        operation: 'GET /account/get-balance',
        prepare: (): PreparedRequest =>
          authStyle === 'query'
            ? {
                method: 'GET',
                url: urlOf(base, '/account/get-balance', { api_key: apiKey, api_secret: apiSecret }),
                headers: {},
              }
            : {
                method: 'GET',
                url: `${base}/account/get-balance`,
                headers: { authorization: basicAuthorization(apiKey, apiSecret) },
              },
        judge,
      },
      (json, exchange) => {
        const body = asObject(json, 'the answer');
        return {
          ...parseAmount(body.value, '"value"'),
          autoReload: body.autoReload,
          requestId: exchange.headers['x-request-id'],
        };
      },
    );

    return {
      accountId: account.id,
      vendor: 'vonage',
      takenAt: ctx.now.toISOString(),
      balance: { amount: answer.amount, currency: 'EUR', exact: answer.exact },
      entitlements: [],
      raw: {
        value: answer.exact,
        ...(typeof answer.autoReload === 'boolean' && { autoReload: answer.autoReload }),
        ...(answer.requestId !== undefined && { requestId: answer.requestId }),
      },
    };
  }
}

/** The Vonage account's options, all problems reported at once (an AccountSetupError). */
export function readVonageOptions(account: AccountConfig): { readonly authStyle: 'header' | 'query' } {
  const r = new OptionReader(account, ['authStyle']);
  const authStyle =
    r.get('authStyle') === undefined
      ? 'header'
      : r.oneOf(r.get('authStyle'), 'authStyle', ['header', 'query'] as const);
  r.finish();
  return { authStyle: authStyle ?? 'header' };
}
