/**
 * Removes secret values from a text that came from outside (a platform's error message may echo the
 * request). Values shorter than 6 characters are left alone: they would blank ordinary words.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** The URL's token-bearing parts (path and query) as separate values to redact, besides the whole URL. */
export function urlSecrets(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const url = new URL(value);
    return [value, url.pathname, ...[...url.searchParams.values()]].filter((s) => s.length >= 6);
  } catch {
    return [value];
  }
}
