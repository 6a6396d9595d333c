import { startVendorSandbox, type VendorSandbox } from '../../../lambda/sandbox';

let sandbox: VendorSandbox;
beforeEach(async () => {
  sandbox = await startVendorSandbox({
    fixtures: {
      'http-json': {
        accounts: [
          { token: 'tok-123456', header: 'X-Api-Key', scheme: '', path: '/v1/wallet', body: { wallet: { eur: 5 } } },
        ],
      },
    },
  });
});
afterEach(() => sandbox.stop());

describe('the generic http-json sandbox', () => {
  it('answers the fixture body at its path for the token in its header', async () => {
    const res = await fetch(`${sandbox.endpoint('http-json')}/v1/wallet`, { headers: { 'x-api-key': 'tok-123456' } });

    expect([res.status, await res.json()]).toEqual([200, { wallet: { eur: 5 } }]);
  });

  it('refuses a token in the wrong header', async () => {
    const res = await fetch(`${sandbox.endpoint('http-json')}/v1/wallet`, {
      headers: { authorization: 'Bearer tok-123456' },
    });

    expect([res.status, await res.json()]).toEqual([
      401,
      { error: 'unauthorized', message: 'missing or invalid token' },
    ]);
  });

  it('answers 404 for another path', async () => {
    const res = await fetch(`${sandbox.endpoint('http-json')}/balance`, { headers: { 'x-api-key': 'tok-123456' } });

    expect(res.status).toBe(404);
  });
});
