import type { SandboxRegistration } from './sandbox-registration';
import { SANDBOX_VENDORS } from './vendors';

type FixtureOf<R> = R extends SandboxRegistration<infer F> ? F : never;

/** The sandbox's data: per vendor, the fixture type its module reads (typed from the registry). */
export type SandboxFixtures = {
  readonly [V in keyof typeof SANDBOX_VENDORS]?: FixtureOf<(typeof SANDBOX_VENDORS)[V]>;
};

/** The registration of a URL's first path segment, if it names a vendor the sandbox speaks. */
export function sandboxRegistration(vendor: string): SandboxRegistration<unknown> | undefined {
  if (!Object.prototype.hasOwnProperty.call(SANDBOX_VENDORS, vendor)) return undefined;
  return (SANDBOX_VENDORS as Readonly<Record<string, SandboxRegistration<unknown>>>)[vendor];
}
