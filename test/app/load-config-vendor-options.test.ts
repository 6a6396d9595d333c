/** Vendor options are checked when the document is loaded, with the adapters' own readers and paths. */
import { loadGuardConfig } from '../../lambda/app/load-config';

function problems(accounts: unknown[], today = '2026-11-21'): string[] {
  const result = loadGuardConfig({
    today,
    overrides: {
      version: 1,
      accounts,
      services: [{ id: 'calls', name: 'Calls', project: 'voice', kind: 'prepaid', owners: ['ops@example.com'] }],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
  });
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

const tencent = { id: 'tencent-intl', vendor: 'tencent', credentials: 'renewal-guard/tencent-intl' };

describe('vendor options at load time', () => {
  it('accepts what the adapters accept', () => {
    expect(
      problems([
        { ...tencent, site: 'intl', prices: { currency: 'USD', perThousandMinutes: { Audio: 0.99 } } },
        { id: 'ali', vendor: 'alibaba', credentials: 'renewal-guard/ali', usageDays: 15 },
        { id: 'manual', vendor: 'manual' },
      ]),
    ).toEqual([]);
  });

  it('names the account and the option path of every problem, across accounts at once', () => {
    expect(
      problems([
        { id: 'manual', vendor: 'manual' },
        { ...tencent, prices: { currency: 'USD', perThousandMinutes: { Audio: 0.99 } } },
        { id: 'twilio', vendor: 'twilio', credentials: 'renewal-guard/twilio', usageDays: 0, colour: 'red' },
      ]),
    ).toEqual([
      'accounts[1].prices.currency: must be the balance currency of the cn site (CNY), got USD; price TRTC in the currency Tencent bills this account in',
      'accounts[2].colour: unknown option; this vendor takes usageCategory, usageDays',
      'accounts[2].usageDays: expected a whole number from 1 to 400, got 0',
    ]);
  });

  it('checks dates against the day of the load: an Agora top-up cannot be later', () => {
    const agora = {
      id: 'agora-main',
      vendor: 'agora',
      credentials: 'renewal-guard/agora-main',
      prices: { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99 } },
      topUp: { amount: 500, currency: 'USD', date: '2026-12-01' },
    };

    expect(problems([agora], '2026-11-21')).toEqual(['accounts[0].topUp.date: 2026-12-01 is after today (2026-11-21)']);
    expect(problems([agora], '2026-12-01')).toEqual([]);
  });

  it('asks an http-json account for what it cannot poll without', () => {
    expect(
      problems([
        { id: 'reseller', vendor: 'http-json', credentials: 'renewal-guard/reseller', endpoint: 'https://b.example' },
      ]),
    ).toEqual([
      expect.stringMatching(/^accounts\[0\]\.balancePath: /),
      'accounts[0].currency: give the currency code (currency: USD) or where the answer has it (currencyPath)',
    ]);
  });
});
