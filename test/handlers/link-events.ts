import type { LambdaFunctionURLEvent } from 'aws-lambda';

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
