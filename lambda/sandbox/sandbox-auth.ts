/** The user and password of an `Authorization: Basic …` header, if the request carries one. */
export function readBasicAuth(
  headers: Readonly<Record<string, string>>,
): { readonly user: string; readonly password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Calendar-day arithmetic on `YYYY-MM-DD` in UTC, as the vendors' usage APIs count days. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addUtcDays(date: string, days: number): string {
  return utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}
