/**
 * The CloudFormation custom resource protocol, spoken by the function itself: CloudFormation invokes the
 * function named by the resource's ServiceToken and then waits (up to an hour) for a JSON document PUT
 * to the event's pre-signed ResponseURL. Answering ourselves spares the stack the CDK Provider
 * framework's extra function, whose runtime follows aws-cdk-lib's region map rather than ours.
 *
 * Protocol: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html
 * (Status SUCCESS|FAILED, Reason required on FAILED, the request's StackId/RequestId/LogicalResourceId
 * echoed, PhysicalResourceId, Data; the whole body at most 4,096 bytes).
 */
import * as http from 'http';
import * as https from 'https';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { errorMessage } from '../core/errors';

/** CloudFormation refuses a response body over 4,096 bytes (the resource then fails with no reason). */
export const MAX_RESPONSE_BYTES = 4096;

export interface CustomResourceResult {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string | number>;
}

export interface CustomResourceResponse extends CustomResourceResult {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
}

/** Milliseconds left before Lambda stops the function; the part of the Lambda context used here. */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

/**
 * Runs `work` for the event and answers CloudFormation whatever happens: SUCCESS with its result, or
 * FAILED with the error's message — also when the function is about to time out, so a stuck deploy
 * fails within the function's timeout instead of waiting an hour for an answer that never comes.
 * Returns what was sent. Throws only if the answer itself could not be delivered.
 */
export async function answerCustomResource(
  event: CloudFormationCustomResourceEvent,
  context: RemainingTime | undefined,
  work: () => Promise<CustomResourceResult>,
  send: (url: string, body: string) => Promise<void> = putResponse,
): Promise<CustomResourceResponse> {
  const echo = { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
  // A failed Create has no physical id yet; CloudFormation then needs one all the same.
  const fallbackId = 'PhysicalResourceId' in event ? event.PhysicalResourceId : event.LogicalResourceId;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const left = context?.getRemainingTimeInMillis();
    if (left === undefined) return;
    // leave time to deliver the answer itself
    timer = setTimeout(() => reject(new Error('the function ran out of time before it finished')), left - 5_000);
  });
  let response: CustomResourceResponse;
  try {
    const result = await Promise.race([work(), deadline]);
    response = { Status: 'SUCCESS', ...echo, ...result };
  } catch (e) {
    response = {
      Status: 'FAILED',
      Reason: `${errorMessage(e)} (see the function's log group for details)`.slice(0, 1024),
      ...echo,
      PhysicalResourceId: fallbackId,
    };
  } finally {
    clearTimeout(timer);
  }
  await sendWithRetries(() => send(event.ResponseURL, fitResponse(response)));
  return response;
}

/** An answer that never arrives leaves the stack waiting an hour: a brief S3 hiccup gets two more tries. */
async function sendWithRetries(attempt: () => Promise<void>, tries = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * i));
    }
  }
}

/** The body as sent: Data is dropped first, then the reason cut, should the answer outgrow 4,096 bytes. */
function fitResponse(response: CustomResourceResponse): string {
  let body = JSON.stringify(response);
  if (Buffer.byteLength(body) <= MAX_RESPONSE_BYTES) return body;
  const { Data: _dropped, ...rest } = response;
  body = JSON.stringify(rest);
  if (Buffer.byteLength(body) <= MAX_RESPONSE_BYTES) return body;
  return JSON.stringify({ ...rest, Reason: (rest.Reason ?? '').slice(0, 512) });
}

/**
 * PUTs the answer to the pre-signed URL. The signature covers no Content-Type, so none is sent (an empty
 * one, as AWS's own cfn-response does); redirects are not followed.
 */
export function putResponse(url: string, body: string): Promise<void> {
  const target = new URL(url);
  const transport = target.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          // the URL is pre-signed: its query is a credential and stays out of the message
          else reject(new Error(`CloudFormation's response URL (${target.host}) answered HTTP ${status}`));
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${target.host} within 30 s`)));
    request.on('error', reject);
    request.end(body);
  });
}
