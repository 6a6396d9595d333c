import type { AccountConfig } from '../../../lambda/core/model';
import type { VendorCall } from '../../../lambda/core/vendor-http-port';
import {
  asObject,
  callJson,
  parseAmount,
  resolveCredentials,
  ResilientHttp,
  ShapeProblem,
} from '../../../lambda/vendors/http';
import { scriptedFetch, type Scripted } from '../support/fake-fetch';
import { fakeTime } from '../support/fake-time';

const balanceCall: VendorCall = {
  vendor: 'twilio',
  accountId: 'twilio-main',
  operation: 'GET /Balance.json',
  prepare: () => ({ method: 'GET', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Balance.json', headers: {} }),
};

function http(...script: Scripted[]) {
  const time = fakeTime('2026-09-30T00:00:00Z');
  const fake = scriptedFetch(...script);
  return { http: new ResilientHttp({ fetch: fake.fetch, clock: time.clock, sleep: time.sleep }), fake };
}

const readBalance = (json: unknown) => parseAmount(asObject(json, 'the answer').balance, '"balance"');

describe('reading a JSON answer inside the call', () => {
  it('returns what the reader made of the answer', async () => {
    const { http: client } = http({ status: 200, body: '{"balance":"12.29","currency":"USD"}' });

    await expect(callJson(client, balanceCall, readBalance)).resolves.toEqual({ amount: 12.29, exact: '12.29' });
  });

  it('fails an answer that is not JSON as malformed, without retrying', async () => {
    const { http: client, fake } = http({ status: 200, body: '<html>captive portal</html>' });

    await expect(callJson(client, balanceCall, readBalance)).rejects.toThrow(
      'twilio account twilio-main: GET /Balance.json failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
    expect(fake.calls).toHaveLength(1);
  });

  it('fails an answer without the field as malformed, never as zero', async () => {
    const { http: client } = http({ status: 200, body: '{"currency":"USD"}' });

    await expect(callJson(client, balanceCall, readBalance)).rejects.toThrow(
      'twilio account twilio-main: GET /Balance.json failed after 1 attempt: HTTP 200: "balance" is missing',
    );
  });

  it('counts the attempts before a malformed answer', async () => {
    const { http: client } = http({ status: 503 }, { status: 200, body: '{"balance":null}' });

    await expect(callJson(client, balanceCall, readBalance)).rejects.toThrow(
      'twilio account twilio-main: GET /Balance.json failed after 2 attempts: HTTP 200: "balance" is not a decimal number (got null)',
    );
  });

  it('turns a reader bug into a malformed failure naming only the error type', async () => {
    const { http: client } = http({ status: 200, body: '{}' });
    const buggy = (json: unknown) => (json as { a: { b: string } }).a.b;

    await expect(callJson(client, balanceCall, buggy)).rejects.toThrow(
      'failed after 1 attempt: HTTP 200: the answer could not be read (TypeError)',
    );
  });

  it('leaves HTTP failures to the judge', async () => {
    const { http: client } = http({ status: 401, body: 'not json' });

    await expect(callJson(client, balanceCall, readBalance)).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });
});

describe('amounts as vendors write them', () => {
  it.each([
    ['a decimal string', '12.29', 12.29, '12.29'],
    ['a negative decimal string', '-3.50', -3.5, '-3.50'],
    ['a number', 10.28, 10.28, '10.28'],
    ['a negative number', -0.05, -0.05, '-0.05'],
    ['an integer string with spaces', ' 42 ', 42, '42'],
    ['a plus sign', '+7.1', 7.1, '7.1'],
    ['leading zeros', '007.10', 7.1, '7.10'],
    ['a bare fraction', '.5', 0.5, '0.5'],
    ['negative zero', '-0.00', 0, '0.00'],
  ])('reads %s', (_, value, amount, exact) => {
    expect(parseAmount(value, '"balance"')).toEqual({ amount, exact });
  });

  it('reads grouped thousands only where the vendor may send them', () => {
    expect(parseAmount('1,234.50', '"AvailableAmount"', { groupedThousands: true })).toEqual({
      amount: 1234.5,
      exact: '1234.50',
    });
    expect(() => parseAmount('1,234.50', '"balance"')).toThrow(
      new ShapeProblem('"balance" is not a decimal number (got a string that is not one)'),
    );
  });

  it.each([
    [undefined, '"balance" is missing'],
    [null, '"balance" is not a decimal number (got null)'],
    ['', '"balance" is not a decimal number (got a string that is not one)'],
    ['12,29', '"balance" is not a decimal number (got a string that is not one)'],
    ['1e3', '"balance" is not a decimal number (got a string that is not one)'],
    [true, '"balance" is not a decimal number (got a boolean)'],
    [{ value: 1 }, '"balance" is not a decimal number (got an object)'],
    [Number.NaN, '"balance" is not a finite number'],
  ])('rejects %p without quoting it', (value, message) => {
    expect(() => parseAmount(value, '"balance"')).toThrow(new ShapeProblem(message));
  });
});

describe('credentials from the account secret', () => {
  const account: AccountConfig = { id: 'agora-main', vendor: 'agora', credentials: 'rg/agora', options: {} };
  const secrets = (fields: Record<string, string>) => ({ secrets: { resolve: async () => fields } });

  it('returns the required and present optional fields only', async () => {
    const ctx = secrets({ customerKey: 'k-value', customerSecret: 's-value', extra: 'x', region: 'cn' });

    await expect(resolveCredentials(account, ctx, ['customerKey', 'customerSecret'], ['region'])).resolves.toEqual({
      customerKey: 'k-value',
      customerSecret: 's-value',
      region: 'cn',
    });
  });

  it('names the missing or empty fields and the secret, never a value', async () => {
    const ctx = secrets({ customerKey: 'k-value-1234', customerSecret: '' });

    await expect(resolveCredentials(account, ctx, ['customerKey', 'customerSecret', 'host'])).rejects.toThrow(
      new Error(
        'agora account agora-main: secret "rg/agora" has no fields "customerSecret" and "host" (or they are empty)',
      ),
    );
  });

  it('asks for a secret name when the account has none', async () => {
    const bare: AccountConfig = { id: 'agora-main', vendor: 'agora', options: {} };

    await expect(resolveCredentials(bare, secrets({}), ['customerKey', 'customerSecret'])).rejects.toThrow(
      'agora account agora-main: no credentials: name the secret that holds fields "customerKey" and "customerSecret"',
    );
  });
});
