import { ConfigError } from './config-error';
import { parseConfigText } from './parse';
import { validateConfig, type ConfigResult, type ConfigValidationOptions } from './validate-config';

/** Parse and validate in one step; syntax errors come back as problems too, never as a throw. */
export function loadConfig(text: string, source: string, options: ConfigValidationOptions): ConfigResult {
  let doc: unknown;
  try {
    doc = parseConfigText(text, source);
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, problems: err.problems, warnings: [] };
    throw err;
  }
  return validateConfig(doc, options);
}
