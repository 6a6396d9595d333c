import { RenewalGuardError } from '../../core/errors';
import type { Vendor } from '../../core/model';

/**
 * An account that cannot be polled as configured: a missing credential field, an invalid vendor
 * option. A person must fix it, so it is never retryable. Messages name the account and the field or
 * option path, never a credential value.
 */
export class AccountSetupError extends RenewalGuardError {
  readonly vendor: Vendor;
  readonly accountId: string;
  readonly problems: readonly string[];

  constructor(vendor: Vendor, accountId: string, problems: readonly string[]) {
    super(
      problems.length === 1
        ? `${vendor} account ${accountId}: ${problems[0]}`
        : `${vendor} account ${accountId}: ${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      { retryable: false },
    );
    this.name = 'AccountSetupError';
    this.vendor = vendor;
    this.accountId = accountId;
    this.problems = problems;
  }
}
