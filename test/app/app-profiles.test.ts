/** The standalone app's `-c profile=` choice (app/profiles.ts). */
import { profileProps } from '../../app/profiles';
import { GuardEncryption, SecretStore } from '../../src';

describe('the standalone app profile', () => {
  it('is the secure default when none is named', () => {
    expect(profileProps(undefined)).toEqual({});
    expect(profileProps('secure')).toEqual({});
  });

  it('names the lean profile’s three choices', () => {
    expect(profileProps('lean')).toEqual({
      secretStore: SecretStore.SSM_PARAMETER_STORE,
      encryption: GuardEncryption.AWS_MANAGED,
      dashboardEnabled: false,
    });
  });

  it('refuses a profile it does not know, naming the choices', () => {
    expect(() => profileProps('cheap')).toThrow('context profile must be secure or lean, got "cheap"');
  });
});
