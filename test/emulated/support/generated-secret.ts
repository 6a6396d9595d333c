/**
 * `GenerateSecretString` as Secrets Manager applies it when CloudFormation creates the secret: a random
 * password of `PasswordLength` (default 32) from the allowed characters, alone or, with
 * `SecretStringTemplate` and `GenerateStringKey`, added to the template's JSON object under that key.
 */
import { randomInt } from 'crypto';

export interface GenerateSecretString {
  readonly PasswordLength?: number;
  readonly ExcludeCharacters?: string;
  readonly ExcludeLowercase?: boolean;
  readonly ExcludeUppercase?: boolean;
  readonly ExcludeNumbers?: boolean;
  readonly ExcludePunctuation?: boolean;
  readonly IncludeSpace?: boolean;
  readonly RequireEachIncludedType?: boolean;
  readonly SecretStringTemplate?: string;
  readonly GenerateStringKey?: string;
}

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export function generateSecretString(spec: GenerateSecretString, where: string): string {
  const known = new Set([
    'PasswordLength',
    'ExcludeCharacters',
    'ExcludeLowercase',
    'ExcludeUppercase',
    'ExcludeNumbers',
    'ExcludePunctuation',
    'IncludeSpace',
    'RequireEachIncludedType',
    'SecretStringTemplate',
    'GenerateStringKey',
  ]);
  const unknown = Object.keys(spec).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`${where}: GenerateSecretString has unknown fields ${unknown.join(', ')}`);
  const excluded = new Set(spec.ExcludeCharacters ?? '');
  const groups = [
    spec.ExcludeLowercase ? '' : 'abcdefghijklmnopqrstuvwxyz',
    spec.ExcludeUppercase ? '' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    spec.ExcludeNumbers ? '' : '0123456789',
    spec.ExcludePunctuation ? '' : PUNCTUATION,
    spec.IncludeSpace ? ' ' : '',
  ]
    .map((g) => [...g].filter((c) => !excluded.has(c)).join(''))
    .filter((g) => g !== '');
  const alphabet = groups.join('');
  const length = spec.PasswordLength ?? 32;
  if (alphabet === '' || length < groups.length) throw new Error(`${where}: GenerateSecretString allows no password`);
  const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]!);
  if (spec.RequireEachIncludedType ?? true) groups.forEach((g, i) => (chars[i] = g[randomInt(g.length)]!));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');

  if (spec.SecretStringTemplate === undefined && spec.GenerateStringKey === undefined) return password;
  if (spec.SecretStringTemplate === undefined || spec.GenerateStringKey === undefined) {
    throw new Error(`${where}: SecretStringTemplate and GenerateStringKey go together`);
  }
  const template = JSON.parse(spec.SecretStringTemplate) as Record<string, unknown>;
  return JSON.stringify({ ...template, [spec.GenerateStringKey]: password });
}
