/**
 * The HTTP side of the links: reading a request (payload format 2.0) and writing responses with the
 * headers every answer carries.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * What invokes the links function: a Lambda function URL, or an API Gateway HTTP API route with a Lambda
 * proxy integration, payload format 2.0 (where function URLs do not exist). Both send this shape and take
 * the same response; they differ in `requestContext` (`apiId`, `domainName`, `routeKey` `GET /ack` vs
 * `$default`, `stage`), which only `routePath` reads.
 */
export type LinkEvent = APIGatewayProxyEventV2;

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded: false;
}

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** The body as an HTML form (`application/x-www-form-urlencoded`), empty for anything else. */
  readonly form: URLSearchParams;
}

export function readRequest(event: LinkEvent): HttpRequest {
  const contentType = headerValue(event.headers, 'content-type') ?? '';
  const body =
    event.body === undefined
      ? ''
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  return {
    method: event.requestContext?.http?.method ?? 'GET',
    path: routePath(event),
    query: new URLSearchParams(event.rawQueryString ?? ''),
    form: contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(body)
      : new URLSearchParams(),
  };
}

/**
 * The path the routes know. An HTTP API on a named stage puts the stage first in `rawPath`
 * (`/prod/ack`); its `$default` stage, which the guard deploys, and function URLs do not.
 */
function routePath(event: LinkEvent): string {
  const rawPath = event.rawPath ?? '/';
  const stage = event.requestContext?.stage;
  if (stage === undefined || stage === '$default') return rawPath;
  return rawPath === `/${stage}` ? '/' : rawPath.startsWith(`/${stage}/`) ? rawPath.slice(stage.length + 1) : rawPath;
}

function headerValue(headers: LinkEvent['headers'], name: string): string | undefined {
  // function URLs and HTTP APIs lower-case header names; a hand-made event might not
  const match = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === name);
  return match === undefined ? undefined : headers[match];
}

/**
 * A page: no caching (it answers for one token), no referrer (tokens live in URLs), no framing, and a
 * content security policy that allows only the page's own inline style and forms posted back here.
 */
export function htmlResponse(statusCode: number, html: string, style: string): HttpResponse {
  const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    },
    body: html,
    isBase64Encoded: false,
  };
}

/**
 * The HTML report: the same headers as a page, and a content security policy built from the page
 * itself. The report is self-contained (no script, image, font or fetch; see report-page.ts) but styles
 * with one `<style>` element and a few `style` attributes (tone colours), so the policy allows exactly
 * those by their SHA-256 hashes: attributes need `'unsafe-hashes'`, which allows a hashed attribute value
 * and nothing else (CSP Level 3, https://www.w3.org/TR/CSP3/#unsafe-hashes-usage). Anything else a
 * page could carry — a script, an `on*` handler, a stray style — stays blocked.
 */
export function reportResponse(html: string): HttpResponse {
  const hashes = styleHashes(html);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        `default-src 'none'; style-src ${hashes.join(' ')}; form-action 'none'; frame-ancestors 'none'; ` +
        "base-uri 'none'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    },
    body: html,
    isBase64Encoded: false,
  };
}

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;
// User text is escaped (`"` → `&quot;`), so ` style="` only ever opens an attribute the renderer wrote.
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;
const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const DECODED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Source expressions for every `<style>` element's text and every distinct `style` attribute's value. */
function styleHashes(html: string): string[] {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const elements = [...html.matchAll(STYLE_ELEMENT)].map((m) => hash(m[1]!));
  // a browser hashes the attribute's value after parsing, entities decoded
  const attributes = [...new Set([...html.matchAll(STYLE_ATTRIBUTE)].map((m) => m[1]!))].map((value) =>
    hash(value.replace(ENTITY, (_, name: string) => DECODED[name]!)),
  );
  const sources = [...new Set(elements)];
  if (attributes.length > 0) sources.push("'unsafe-hashes'", ...attributes);
  return sources.length > 0 ? sources : ["'none'"];
}

/** The feed: private (it names owners), and worth refetching every so often, not on every view. */
export function calendarResponse(ics: string): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="renewal-guard.ics"',
      'cache-control': 'private, max-age=900',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    },
    body: ics,
    isBase64Encoded: false,
  };
}
