import { startVendorSandbox, type VendorSandbox } from '../../../lambda/sandbox';
import type { TwilioSandboxAccount } from '../../../lambda/sandbox/vendors/twilio';

const SID = 'AC0123456789abcdef0123456789abcdef';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const AUTH = { authorization: basic(SID, 'auth-token-1') };

const twilioAccount: TwilioSandboxAccount = {
  accountSid: SID,
  authToken: 'auth-token-1',
  apiKeys: [{ sid: 'SK0001', secret: 'key-secret-1' }],
  balance: '12.29',
  currency: 'USD',
  dailyUsage: [1, 2, 3, 4, 5].map((d) => ({ date: `2026-09-2${d}`, category: 'totalprice', price: `${d}.50` })),
};

let sandbox: VendorSandbox;
beforeEach(async () => {
  sandbox = await startVendorSandbox({
    fixtures: { twilio: { accounts: [twilioAccount] } },
    clock: () => new Date('2026-09-30T01:30:00Z'),
  });
});
afterEach(() => sandbox.stop());

const get = (path: string, headers: Record<string, string> = AUTH) =>
  fetch(`${sandbox.endpoint('twilio')}${path}`, { headers });
const accountPath = `/2010-04-01/Accounts/${SID}`;

interface Page {
  readonly usage_records: { readonly start_date: string }[];
  readonly next_page_uri: string | null;
  readonly previous_page_uri: string | null;
  readonly uri: string;
  readonly page: number;
}
const page = async (path: string) => (await (await get(path)).json()) as Page;
const days = (p: Page) => p.usage_records.map((r) => r.start_date);

describe('the Twilio sandbox', () => {
  it('answers Balance.json with the balance as a string', async () => {
    const res = await get(`${accountPath}/Balance.json`);

    expect([res.status, await res.json()]).toEqual([200, { currency: 'USD', balance: '12.29', account_sid: SID }]);
  });

  it('accepts an API key SID and secret', async () => {
    const res = await get(`${accountPath}/Balance.json`, { authorization: basic('SK0001', 'key-secret-1') });

    expect(res.status).toBe(200);
  });

  it('answers XML without the .json suffix, as the 2010 API does', async () => {
    const res = await get(`${accountPath}/Balance`);

    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(await res.text()).toContain('<TwilioResponse>');
  });

  it('refuses wrong credentials with 401 and error 20003', async () => {
    const res = await get(`${accountPath}/Balance.json`, { authorization: basic(SID, 'nope') });

    expect([res.status, await res.json()]).toEqual([
      401,
      { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 },
    ]);
  });

  it("answers 20404 for another account's path", async () => {
    const res = await get('/2010-04-01/Accounts/AC99/Balance.json');

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(expect.objectContaining({ code: 20404, status: 404 }));
  });

  it('pages daily usage records, newest first, with string prices and a lower-case price unit', async () => {
    const first = await page(`${accountPath}/Usage/Records/Daily.json?Category=totalprice&StartDate=-9days&PageSize=2`);
    const second = await page(first.next_page_uri!);
    const third = await page(second.next_page_uri!);

    expect(days(first)).toEqual(['2026-09-25', '2026-09-24']);
    expect(first.usage_records[0]).toEqual(
      expect.objectContaining({ category: 'totalprice', price: '5.50', price_unit: 'usd', end_date: '2026-09-25' }),
    );
    expect(first.next_page_uri).toBe(
      `${accountPath}/Usage/Records/Daily.json?Category=totalprice&StartDate=2026-09-21&PageSize=2&Page=1&PageToken=PASB1`,
    );
    expect(days(second)).toEqual(['2026-09-23', '2026-09-22']);
    expect(days(third)).toEqual(['2026-09-21']);
    expect([third.next_page_uri, third.page, third.previous_page_uri]).toEqual([null, 2, second.uri]);
  });

  it('filters by category and an explicit date range', async () => {
    const body = await page(
      `${accountPath}/Usage/Records/Daily.json?Category=calls&StartDate=2026-09-01&EndDate=2026-09-30`,
    );

    expect([body.usage_records, body.next_page_uri]).toEqual([[], null]);
  });

  it('throttles with 429 and error 20429', async () => {
    sandbox.inject('twilio', { kind: 'throttle', times: 1 });

    const res = await get(`${accountPath}/Balance.json`);

    expect(await res.json()).toEqual(expect.objectContaining({ code: 20429, status: 429 }));
  });
});
