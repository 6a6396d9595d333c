/**
 * The public links endpoint under attack, through the shipped bundle in a warm container (as Lambda
 * runs it) behind both of its front doors: a function URL and an HTTP API. Every attack is refused with
 * the generic page, writes nothing to the registry, and leaves no token in the logs; the one honest click
 * at the end proves the door opens for a real link, so the refusals are not a broken handler.
 */
import { createHmac } from 'crypto';
import * as fs from 'fs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signAckToken, type AckClaims } from '../../lambda/core/ack';
import { ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { localAwsEnv, pinnedClock, stageCode, type PinnedClock } from '../handlers/bundle-runner';
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { functionUrlGet, functionUrlPostForm, httpApiEvent } from '../handlers/link-events';
import { startWarmBundle, type WarmBundle } from '../handlers/warm-bundle';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const NOW = new Date('2026-09-30T01:30:00Z');
const SIGNING_KEY = 'attack-suite-link-signing-key-0123456789abcdef';
const FEED_TOKEN = 'attack-suite-feed-token-0123456789abcdefXYZ';
const SECRET_NAME = 'renewal-guard/links';
const KEY = 'live-rtc:expiry:2026-10-09:7';
const BASE = 'https://abc123.lambda-url.ap-east-1.on.aws';
const LATER = new Date('2026-10-30T00:00:00Z');

const sign = (claims: Partial<AckClaims> = {}, key = SIGNING_KEY) =>
  signAckToken({ key: KEY, action: 'ack', expiresAt: LATER, ...claims } as AckClaims, key);
const valid = () => sign();
/** The token with one character of its signature changed. */
const flipped = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
const payloadOf = (token: string) => token.split('.')[0]!;
const resign = (payloadJson: string) => {
  // a payload signed with the right key but holding what a signer never produces
  const payload = Buffer.from(payloadJson, 'utf8').toString('base64url');
  return `${payload}.${createHmac('sha256', SIGNING_KEY).update(payload, 'ascii').digest('base64url')}`;
};

type Attack = readonly [name: string, event: () => APIGatewayProxyEventV2, status: number];

const get = (target: string) => functionUrlGet(`${BASE}${target}`, NOW) as unknown as APIGatewayProxyEventV2;
const post = (form: Record<string, string>, target = '/ack') =>
  functionUrlPostForm(`${BASE}${target}`, form, NOW) as unknown as APIGatewayProxyEventV2;
const rawPost = (body: string, contentType: string, base64 = false): APIGatewayProxyEventV2 => {
  const event = post({});
  return {
    ...event,
    headers: { ...event.headers, 'content-type': contentType },
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  };
};
const method = (m: string, target: string): APIGatewayProxyEventV2 => {
  const event = get(target);
  return { ...event, requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: m } } };
};
const viaApi = (m: 'GET' | 'POST', target: string, form?: Record<string, string>) =>
  httpApiEvent(m, `https://abc123.execute-api.ap-east-1.amazonaws.com${target}`, NOW, form ? { form } : {});

const ATTACKS: readonly Attack[] = [
  // forged and tampered acknowledge links
  ['a signature with one character changed (GET)', () => get(`/ack?t=${flipped(valid())}`), 403],
  ['a signature with one character changed (POST)', () => post({ t: flipped(valid()) }), 403],
  ['a link signed with another key', () => post({ t: sign({}, 'someone-elses-signing-key-0123456789abcdef') }), 403],
  [
    'a payload swapped under a valid signature',
    () => post({ t: `${payloadOf(sign({ key: 'x:y:z:1' }))}.${valid().split('.')[1]}` }),
    403,
  ],
  ['the signature alone', () => post({ t: `.${valid().split('.')[1]}` }), 403],
  ['the payload alone', () => post({ t: payloadOf(valid()) }), 403],
  ['a third segment', () => post({ t: `${valid()}.AAAA` }), 403],
  ['an empty token', () => post({ t: '' }), 403],
  ['no token at all (POST)', () => post({}), 403],
  ['no token at all (GET)', () => get('/ack'), 403],
  ['padding added to the signature', () => post({ t: `${valid()}=` }), 403],
  ['standard base64 characters', () => post({ t: valid().replace(/-/g, '+').replace(/_/g, '/') + '+/' }), 403],
  ['a token of 100,000 characters', () => post({ t: `${'A'.repeat(100_000)}.${valid().split('.')[1]}` }), 403],
  ['a token with a NUL byte', () => post({ t: `${valid()}\u0000` }), 403],
  ['a token with a newline', () => post({ t: `${valid()}\n` }), 403],
  ['a token with a look-alike Cyrillic letter', () => post({ t: valid().replace(/a/, 'а') }), 403],
  ['a double-encoded token', () => get(`/ack?t=${encodeURIComponent(encodeURIComponent(valid() + '.x'))}`), 403],
  // expired, cross-action and signed-but-impossible claims
  ['an expired link', () => post({ t: sign({ expiresAt: new Date('2026-09-30T01:29:59Z') }) }), 403],
  ['a link expiring this very second', () => post({ t: sign({ expiresAt: NOW }) }), 403],
  ['a report link used to acknowledge', () => post({ t: sign({ action: 'report' }) }), 403],
  ['an acknowledge link used to open the report', () => get(`/report?t=${valid()}`), 403],
  ['a snooze link used to open the report', () => get(`/report?t=${sign({ action: 'snooze', snoozeDays: 3 })}`), 403],
  [
    'a signed payload of another version',
    () => post({ t: resign(`{"v":2,"k":"${KEY}","a":"ack","e":1893456000}`) }),
    403,
  ],
  [
    'a signed payload with an unknown action',
    () => post({ t: resign(`{"v":1,"k":"${KEY}","a":"delete","e":1893456000}`) }),
    403,
  ],
  [
    'a signed payload with an extra claim',
    () => post({ t: resign(`{"v":1,"k":"${KEY}","a":"ack","e":1893456000,"admin":true}`) }),
    403,
  ],
  [
    'a signed snooze of 10,000 days',
    () => post({ t: resign(`{"v":1,"k":"${KEY}","a":"snooze","e":1893456000,"s":10000}`) }),
    403,
  ],
  ['a signed key holding a newline', () => post({ t: resign(`{"v":1,"k":"a\\nb","a":"ack","e":1893456000}`) }), 403],
  [
    'a signed key of 5,000 characters',
    () => post({ t: resign(`{"v":1,"k":"${'k'.repeat(5000)}","a":"ack","e":1893456000}`) }),
    403,
  ],
  ['a signed payload that is not JSON', () => post({ t: resign('not json') }), 403],
  ['a signed payload that is an array', () => post({ t: resign('[1,2,3]') }), 403],
  ['a signed expiry as a string', () => post({ t: resign(`{"v":1,"k":"${KEY}","a":"ack","e":"1893456000"}`) }), 403],
  // request-shape tricks
  ['a valid token in the query of a POST, none in the form', () => post({}, `/ack?t=${valid()}`), 403],
  ['a valid token in a JSON body, not a form', () => rawPost(JSON.stringify({ t: valid() }), 'application/json'), 403],
  [
    'a valid token in a multipart body',
    () =>
      rawPost(
        `--b\r\nContent-Disposition: form-data; name="t"\r\n\r\n${valid()}\r\n--b--`,
        'multipart/form-data; boundary=b',
      ),
    403,
  ],
  [
    'a forged token first, the valid one second',
    () => rawPost(`t=${flipped(valid())}&t=${valid()}`, 'application/x-www-form-urlencoded'),
    403,
  ],
  [
    'a body that is not base64 though it says so',
    () => rawPost('%%%not-base64%%%', 'application/x-www-form-urlencoded', true),
    403,
  ],
  [
    'a form body of 1 MB',
    () => rawPost(`x=${'y'.repeat(1_000_000)}&t=${flipped(valid())}`, 'application/x-www-form-urlencoded'),
    403,
  ],
  // the calendar feed
  ['the feed without a token', () => get('/calendar.ics'), 403],
  ['the feed with a wrong token', () => get('/calendar.ics?token=wrong'), 403],
  ['the feed token minus its last character', () => get(`/calendar.ics?token=${FEED_TOKEN.slice(0, -1)}`), 403],
  ['the feed token plus a character', () => get(`/calendar.ics?token=${FEED_TOKEN}x`), 403],
  ['the feed token in upper case', () => get(`/calendar.ics?token=${FEED_TOKEN.toUpperCase()}`), 403],
  ['an acknowledge token as the feed token', () => get(`/calendar.ics?token=${valid()}`), 403],
  ['the feed token in the t parameter', () => get(`/calendar.ics?t=${FEED_TOKEN}`), 403],
  // routes and methods
  [
    'a path that climbs out of /ack',
    () => ({ ...get(`/ack?token=${FEED_TOKEN}`), rawPath: '/ack/../calendar.ics' }),
    404,
  ],
  ['an encoded path', () => get(`/%61ck?t=${valid()}`), 404],
  ['a trailing slash', () => get(`/ack/?t=${valid()}`), 404],
  ['an unknown route', () => get('/admin'), 404],
  ['DELETE on /ack', () => method('DELETE', `/ack?t=${valid()}`), 404],
  ['PUT on /ack', () => method('PUT', `/ack?t=${valid()}`), 404],
  // the same door through the HTTP API
  ['a forged token through the HTTP API', () => viaApi('POST', '/ack', { t: flipped(valid()) }), 403],
  [
    'an expired link through the HTTP API',
    () => viaApi('POST', '/ack', { t: sign({ expiresAt: new Date('2026-09-01T00:00:00Z') }) }),
    403,
  ],
  ['a wrong feed token through the HTTP API', () => viaApi('GET', '/calendar.ics?token=wrong'), 403],
];

let dynamo: LocalDynamo;
let aws: FakeAws;
let clock: PinnedClock;
let codeRoot: string;
let table: string;
let links: WarmBundle;

beforeAll(async () => {
  [dynamo, aws] = await Promise.all([startDynalite(), startFakeAws()]);
  aws.putSecret(SECRET_NAME, { linkSigningKey: SIGNING_KEY, feedToken: FEED_TOKEN });
  clock = pinnedClock();
  codeRoot = stageCode(['ack-and-calendar'], guardConfig());
  table = await dynamo.createRegistryTable();
  links = startWarmBundle(codeRoot, 'ack-and-calendar', {
    ...localAwsEnv({ dynamodb: dynamo.endpoint, secretsManager: aws.endpoint }),
    ...clock.env(NOW),
    POWERTOOLS_SERVICE_NAME: 'renewal-guard',
    [ENV_REGISTRY_TABLE]: table,
    [ENV_LINK_SECRET_NAME]: SECRET_NAME,
  });
}, 30_000);
afterAll(async () => {
  await links.stop();
  await Promise.all([dynamo.stop(), aws.stop()]);
  clock.dispose();
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

const items = async () => (await dynamo.client.send(new ScanCommand({ TableName: table }))).Items ?? [];
const answers: string[] = [];

describe('attacks on the links endpoint', () => {
  it('has at least 50 of them', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(ATTACKS)('refuses %s, writing nothing', async (_name, event, status) => {
    const response = await links.invoke<{ statusCode: number; body: string; headers: Record<string, string> }>(event());

    expect(response.statusCode).toBe(status);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toMatch(/live-rtc|BEGIN:VCALENDAR/); // nothing of the registry or feed leaks
    expect(await items()).toEqual([]);
    answers.push(response.body);
  });

  it('never logs a token or the feed token', () => {
    const output = links.output();
    expect(output).toContain('acknowledge link refused'); // the refusals were logged, by reason
    expect(output).not.toContain(valid().split('.')[1]);
    expect(output).not.toContain(FEED_TOKEN.slice(0, 20));
  });

  it('still opens for an honest click, so the refusals above are not a broken door', async () => {
    const shown = await links.invoke<{ statusCode: number }>(get(`/ack?t=${valid()}`));
    const recorded = await links.invoke<{ statusCode: number }>(post({ t: valid() }));
    const feed = await links.invoke<{ statusCode: number; body: string }>(get(`/calendar.ics?token=${FEED_TOKEN}`));

    expect([shown.statusCode, recorded.statusCode, feed.statusCode]).toEqual([200, 200, 200]);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect((await items()).map((i) => i.pk)).toEqual([`ACK#${KEY}`]);
  });
});
