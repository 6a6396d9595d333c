/**
 * Reads, merges and validates a config document: the one entry point the CLI and the construct (at
 * synth time, through the prebuilt config-loader bundle) share, so both reject the same documents with
 * the same messages.
 */
import * as fs from 'fs';
import { mergeWithOrigins } from './merge-documents';
import { nameProblemOrigins } from './problem-origins';
import { calendarData, isSupportedCalendar } from '../core/calendar/resolve-calendar';
import { ConfigError, parseConfigText, validateConfig, type ConfigResult } from '../core/config';
import type { IsoDate } from '../core/model';
import { vendorOptionProblems } from '../vendors/vendor-option-check';

export interface LoadGuardConfigInput {
  /** Path of a YAML or JSON document (contract section 2). */
  readonly file?: string;
  /** An already parsed document, instead of `file` (the CLI's import builds one from a spreadsheet). */
  readonly document?: unknown;
  /** A partial document (typed construct props) that wins over the file. */
  readonly overrides?: unknown;
  /** The day dates in vendor options are checked against (an Agora top-up cannot be later). @default today (UTC) */
  readonly today?: IsoDate;
  /**
   * Names a path of `overrides` as their author wrote it (the construct: `props.services[0] (serviceId
   * "x")`). When given, every problem and warning names where it was written: an overrides path through
   * this, a file path as `<file>: services[1].expiresOn`. @default merged paths, named as in one document
   */
  readonly nameOverridesPath?: (path: string) => string;
}

const CALENDAR = { resolveCalendar: calendarData, isSupportedCalendar };

export function loadGuardConfig(input: LoadGuardConfigInput): ConfigResult {
  let document: unknown = input.document ?? { version: 1 };
  if (input.file !== undefined && input.document === undefined) {
    try {
      document = parseConfigText(fs.readFileSync(input.file, 'utf8'), input.file);
    } catch (e) {
      if (e instanceof ConfigError) return { ok: false, problems: e.problems, warnings: [] };
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      return { ok: false, problems: [{ path: input.file, message: reason }], warnings: [] };
    }
  }
  const merged = mergeWithOrigins(document, input.overrides);
  const result = checkVendorOptions(validateConfig(merged.document, CALENDAR), input.today);
  const overrides = input.nameOverridesPath;
  if (overrides === undefined) return result;
  const names = { file: input.document === undefined ? input.file : undefined, overrides };
  const warnings = nameProblemOrigins(result.warnings, merged.originOf, names);
  return result.ok
    ? { ...result, warnings }
    : { ok: false, problems: nameProblemOrigins(result.problems, merged.originOf, names), warnings };
}

function checkVendorOptions(result: ConfigResult, today: IsoDate | undefined): ConfigResult {
  if (!result.ok) return result;
  // the document is sound: now each vendor's own options, with the readers its adapter polls with
  const day = today ?? new Date().toISOString().slice(0, 10);
  const problems = result.config.accounts.flatMap((account, i) =>
    vendorOptionProblems(account, day).map((p) => ({
      path: p.path === '' ? `accounts[${i}]` : `accounts[${i}].${p.path}`,
      message: p.message,
    })),
  );
  return problems.length === 0 ? result : { ok: false, problems, warnings: result.warnings };
}
