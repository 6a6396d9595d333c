import { startVendorSandbox, type VendorSandbox } from '../../../lambda/sandbox';

let sandbox: VendorSandbox;
beforeEach(async () => {
  sandbox = await startVendorSandbox({
    fixtures: {
      vonage: { accounts: [{ apiKey: 'abcd1234', apiSecret: 'Sup3rS3cretValue', value: 10.28, autoReload: false }] },
    },
  });
});
afterEach(() => sandbox.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the Vonage sandbox', () => {
  it('answers get-balance for query-string credentials, with an X-Request-Id', async () => {
    const res = await fetch(
      `${sandbox.endpoint('vonage')}/account/get-balance?api_key=abcd1234&api_secret=Sup3rS3cretValue`,
    );

    expect([res.status, await res.json()]).toEqual([200, { value: 10.28, autoReload: false }]);
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });

  it('answers get-balance for Basic credentials', async () => {
    const authorization = `Basic ${Buffer.from('abcd1234:Sup3rS3cretValue').toString('base64')}`;

    const res = await fetch(`${sandbox.endpoint('vonage')}/account/get-balance`, { headers: { authorization } });

    expect(res.status).toBe(200);
  });

  it('refuses wrong credentials as an RFC 7807 problem', async () => {
    const res = await fetch(`${sandbox.endpoint('vonage')}/account/get-balance?api_key=abcd1234&api_secret=wrong`);

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'https://developer.vonage.com/api-errors#unauthorized',
      title: 'Invalid credentials supplied',
      detail: 'You did not provide correct credentials.',
      instance: expect.stringMatching(UUID),
    });
  });
});
