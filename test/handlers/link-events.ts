import type { APIGatewayProxyEventV2, LambdaFunctionURLEvent } from 'aws-lambda';

/** A GET through a Lambda function URL (payload format 2.0), as AWS delivers it. */
export function functionUrlGet(target: string, at: Date): LambdaFunctionURLEvent {
  const url = new URL(target);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers: { host: url.host, 'user-agent': 'Mozilla/5.0' },
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: url.host,
      domainPrefix: 'abc123',
      http: {
        method: 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'Mozilla/5.0',
      },
      requestId: 'request-1',
      routeKey: '$default',
      stage: '$default',
      time: at.toISOString(),
      timeEpoch: at.getTime(),
    },
    isBase64Encoded: false,
  };
}

/** A form POST (`application/x-www-form-urlencoded`) through the function URL, as the confirm page sends it. */
export function functionUrlPostForm(target: string, form: Record<string, string>, at: Date): LambdaFunctionURLEvent {
  const event = functionUrlGet(target, at);
  return {
    ...event,
    headers: { ...event.headers, 'content-type': 'application/x-www-form-urlencoded' },
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'POST' } },
    body: new URLSearchParams(form).toString(),
  };
}

/**
 * A request through an API Gateway HTTP API route with a Lambda proxy integration (payload format 2.0),
 * as AWS delivers it: the route key names the route, the stage is `$default` unless given (a named stage
 * is also the first segment of `rawPath`), the headers carry API Gateway's forwarding headers, and a form
 * body arrives base64-encoded.
 */
export function httpApiEvent(
  method: 'GET' | 'POST',
  target: string,
  at: Date,
  options: { readonly form?: Record<string, string>; readonly stage?: string } = {},
): APIGatewayProxyEventV2 {
  const url = new URL(target);
  const stage = options.stage ?? '$default';
  const routePath = stage === '$default' ? url.pathname : url.pathname.replace(new RegExp(`^/${stage}`), '');
  const routeKey = `${method} ${routePath}`;
  const body = options.form && Buffer.from(new URLSearchParams(options.form).toString()).toString('base64');
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers: {
      accept: 'text/html,application/xhtml+xml',
      'content-length': String(body ? Buffer.from(body, 'base64').length : 0),
      host: url.host,
      'user-agent': 'Mozilla/5.0',
      'x-amzn-trace-id': 'Root=1-68f0c0de-0123456789abcdef01234567',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: '111111111111',
      apiId: 'abc123',
      domainName: url.host,
      domainPrefix: 'abc123',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey,
      stage,
      time: '30/Sep/2026:01:30:00 +0000',
      timeEpoch: at.getTime(),
    },
    ...(body ? { body, isBase64Encoded: true } : { isBase64Encoded: false }),
  };
}
