/**
 * The cost profiles of the standalone app, chosen with `-c profile=<name>` (README "Cost: choosing a
 * profile"): the secure default, or the lean profile an order of magnitude cheaper than a small VM.
 */
import { GuardEncryption, SecretStore, type RenewalGuardProps } from '../src';

export const PROFILES: Readonly<Record<string, Partial<RenewalGuardProps>>> = {
  secure: {},
  lean: {
    secretStore: SecretStore.SSM_PARAMETER_STORE,
    encryption: GuardEncryption.AWS_MANAGED,
    dashboardEnabled: false,
  },
};

/** The props of the profile named in the `profile` context value (default `secure`). */
export function profileProps(name: unknown): Partial<RenewalGuardProps> {
  const profile = String(name ?? 'secure');
  const props = PROFILES[profile];
  if (props === undefined) {
    throw new Error(`context profile must be ${Object.keys(PROFILES).join(' or ')}, got ${JSON.stringify(profile)}`);
  }
  return props;
}
