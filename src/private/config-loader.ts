import { configLoaderBundle } from './bundled-assets';

/** One problem or warning, named by its path in the config document (`services[2].expiresOn`). */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The parts of the normalized config (lambda/core/model.ts `GuardConfig`) the construct reads. The rest
 * travels to the handlers untouched, so it stays `unknown` here.
 */
export interface LoadedConfig {
  readonly timeZone: string;
  readonly checkTime: string;
  /** The weekly digest's slot, when the document sets one. */
  readonly digest?: { readonly weekday: string; readonly time: string };
  readonly quietHours?: { readonly from: string; readonly to: string };
  readonly accounts: ReadonlyArray<{ readonly id: string; readonly vendor: string; readonly credentials?: string }>;
  readonly channels: ReadonlyArray<{
    readonly id: string;
    readonly type: string;
    readonly to: readonly string[];
    readonly minSeverity: string;
    /** Whether the guard's operators read it (src/shared/operator-channels.ts). */
    readonly operators?: boolean;
    /** The secret NAME of a channel the notifier delivers to (every type but email and sms). */
    readonly secret?: string;
  }>;
  readonly services: readonly unknown[];
  /** Email to each service's owners (src/private/owner-email-grants.ts): the poller sends it through SES. */
  readonly ownerEmail?: { readonly enabled: boolean; readonly from?: string };
}

export type LoadResult =
  | { readonly ok: true; readonly config: LoadedConfig; readonly warnings: readonly ConfigProblem[] }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[]; readonly warnings: readonly ConfigProblem[] };

interface ConfigLoaderModule {
  loadGuardConfig(input: {
    file?: string;
    overrides?: unknown;
    nameOverridesPath?: (path: string) => string;
  }): LoadResult;
}

let loader: ConfigLoaderModule | undefined;

/**
 * Validates and normalizes a config with the CLI's own code: the prebuilt config-loader bundle. src/
 * never imports lambda/ (jsii must not compile handler code), so the bundle is required at run time.
 * Each problem names where it was written: `<file>: services[1].expiresOn` for the file's, and
 * `nameOverridesPath` of the overrides path for the props' (prop-paths.ts).
 */
export function loadGuardConfig(
  file: string | undefined,
  overrides: Record<string, unknown>,
  nameOverridesPath: (path: string) => string,
): LoadResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a prebuilt bundle, located at run time
  loader ??= require(configLoaderBundle()) as ConfigLoaderModule;
  return loader.loadGuardConfig({ file, overrides, nameOverridesPath });
}
