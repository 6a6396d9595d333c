import type { SandboxFixtures } from './sandbox-fixtures';
import type { DemoAccount, SandboxRegistration } from './sandbox-registration';
import type { VendorSandbox } from './vendor-sandbox';
import { SANDBOX_VENDORS } from './vendors';
import type { AccountConfig } from '../core/model';

function registrations(): [string, SandboxRegistration<unknown>][] {
  return Object.entries(SANDBOX_VENDORS as Readonly<Record<string, SandboxRegistration<unknown>>>);
}

/** Every registered vendor's demo data around `now`, for `startVendorSandbox({ fixtures })`. */
export function demoFixtures(now: Date): SandboxFixtures {
  const fixtures: Record<string, unknown> = {};
  for (const [vendor, registration] of registrations()) {
    if (registration.demo) fixtures[vendor] = registration.demo.fixture(now);
  }
  return fixtures as SandboxFixtures;
}

/**
 * The demo config's accounts, each pointed at the running sandbox, and the secrets they name (a map
 * from secret name to fields, the shape of the CLI's local secrets file). Sandbox-only values.
 */
export function demoAccounts(
  sandbox: Pick<VendorSandbox, 'endpoint'>,
  now: Date,
): {
  readonly accounts: readonly AccountConfig[];
  readonly secrets: Readonly<Record<string, Readonly<Record<string, string>>>>;
} {
  const demo: DemoAccount[] = registrations().flatMap(([, r]) => (r.demo ? [...r.demo.accounts(now)] : []));
  return {
    accounts: demo.map((a) => ({
      id: a.id,
      vendor: a.vendor,
      credentials: a.credentials,
      endpoint: sandbox.endpoint(a.vendor),
      options: a.options,
    })),
    secrets: Object.fromEntries(demo.map((a) => [a.credentials, a.secret])),
  };
}
