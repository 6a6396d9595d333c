import { AccountSetupError } from './account-setup-error';
import type { AccountConfig } from '../../core/model';
import type { PollContext } from '../../core/vendor-port';

/**
 * The credential fields an adapter needs, from the account's secret (a JSON object of fields). A
 * missing or empty field is an AccountSetupError naming the secret and the field, never a value.
 * Fields in `optional` are returned when present.
 */
export async function resolveCredentials<Required extends string, Optional extends string = never>(
  account: AccountConfig,
  ctx: Pick<PollContext, 'secrets'>,
  required: readonly Required[],
  optional: readonly Optional[] = [],
): Promise<Readonly<Record<Required, string> & Partial<Record<Optional, string>>>> {
  const name = account.credentials;
  if (name === undefined) {
    throw new AccountSetupError(account.vendor, account.id, [
      `no credentials: name the secret that holds ${fieldList(required)}`,
    ]);
  }
  const secret = await ctx.secrets.resolve(name);
  const missing = required.filter((field) => !secret[field]);
  if (missing.length > 0) {
    throw new AccountSetupError(account.vendor, account.id, [
      `secret "${name}" has no ${fieldList(missing)} (or ${missing.length === 1 ? 'it is' : 'they are'} empty)`,
    ]);
  }
  const fields: Record<string, string> = {};
  for (const field of [...required, ...optional]) if (secret[field]) fields[field] = secret[field];
  return fields as Record<Required, string> & Partial<Record<Optional, string>>;
}

function fieldList(fields: readonly string[]): string {
  const quoted = fields.map((f) => `"${f}"`);
  return quoted.length === 1 ? `field ${quoted[0]}` : `fields ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
