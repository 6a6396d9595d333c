import { fixture, synthGuard } from './support/guard-stack';

/**
 * Catches unintended drift in everything the targeted tests do not pin. Asset and config hashes are
 * masked: they change with every handler build and config edit, which the other tests cover.
 */
it('synthesizes the guard of the example config unchanged', () => {
  const { template } = synthGuard({ configFile: fixture('guard.yaml') });

  const masked = JSON.parse(JSON.stringify(template.toJSON()).replace(/\b[0-9a-f]{64}\b/g, '<sha256>'));
  expect(masked).toMatchSnapshot();
});
