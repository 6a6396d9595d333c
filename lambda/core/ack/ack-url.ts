import { AckLinkError } from './ack-error';

/** The acknowledge endpoint's path under the function URL (or whatever base the links are served from). */
export const ACK_PATH = 'ack';
/** The report page's path beside it. */
export const REPORT_PATH = 'report';
/** The query parameter holding the token. */
export const ACK_TOKEN_PARAM = 't';

/**
 * The link a message carries: `<baseUrl>/ack?t=<token>`. The base may have a path of its own (a CloudFront
 * distribution in front of the function URL), with or without a trailing slash.
 *
 * @example
 * ackUrl('https://abc.lambda-url.ap-east-1.on.aws', token); // 'https://abc.lambda-url.ap-east-1.on.aws/ack?t=…'
 */
export function ackUrl(baseUrl: string, token: string): string {
  return linkUrl(baseUrl, ACK_PATH, token);
}

/**
 * A digest's link to the HTML report: `<baseUrl>/report?t=<token>`, the token signed with action `report`.
 *
 * @example
 * reportUrl('https://abc.lambda-url.ap-east-1.on.aws/', token); // 'https://abc.lambda-url.ap-east-1.on.aws/report?t=…'
 */
export function reportUrl(baseUrl: string, token: string): string {
  return linkUrl(baseUrl, REPORT_PATH, token);
}

function linkUrl(baseUrl: string, path: string, token: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new AckLinkError(`the acknowledge base URL ${JSON.stringify(baseUrl)} is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new AckLinkError(`the acknowledge base URL must be http(s), not ${base.protocol}`);
  }
  if (base.search !== '' || base.hash !== '') {
    throw new AckLinkError('the acknowledge base URL must not carry a query or a fragment');
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const url = new URL(path, base);
  url.searchParams.set(ACK_TOKEN_PARAM, token);
  return url.toString();
}
