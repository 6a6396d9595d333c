import type { AccountConfig } from '../../core/model';

/** `Authorization: Basic …` for a user and a password (Agora, Twilio, Vonage). */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** The account's endpoint override (the sandbox, a proxy, a China host), else the vendor's; no trailing slash. */
export function baseUrl(account: AccountConfig, vendorDefault: string): string {
  return (account.endpoint ?? vendorDefault).replace(/\/+$/, '');
}

/** `base` + `path` + the query, with every value percent-encoded. */
export function urlOf(base: string, path: string, query: Readonly<Record<string, string>> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}
