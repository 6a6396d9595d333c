/** Malformed answers of Agora, Twilio, Vonage and the generic http-json vendor. */
import { HTML_PAGE, NOT_JSON, oversize, TOO_BIG, type MalformedCase } from './malformed-case';
import { TWILIO_USAGE } from './vendor-setups';

const PROJECTS = 'GET /dev/v1/projects';
const USAGE = 'GET /dev/v3/usage';
const usageDay = (day: Record<string, unknown>) => ({ '/dev/v3/usage': { body: { usages: [day] } } });

const agora: MalformedCase[] = [
  {
    name: 'truncated JSON',
    vendor: 'agora',
    script: { '/dev/v1/projects': { body: '{"projects":[{"id":"p1","vendor_' } },
    operation: PROJECTS,
    place: NOT_JSON,
  },
  {
    name: 'an HTML error page with 200',
    vendor: 'agora',
    script: { '/dev/v3/usage': { body: HTML_PAGE, contentType: 'text/html' } },
    operation: USAGE,
    place: NOT_JSON,
  },
  {
    name: 'an empty body with 200',
    vendor: 'agora',
    script: { '/dev/v1/projects': { body: '' } },
    operation: PROJECTS,
    place: NOT_JSON,
  },
  {
    name: 'projects as an object instead of a list',
    vendor: 'agora',
    script: { '/dev/v1/projects': { body: { projects: { p1: { vendor_key: 'app-1' } } } } },
    operation: PROJECTS,
    place: '"projects" is not a list (got an object)',
  },
  {
    name: 'a project without its App ID',
    vendor: 'agora',
    script: { '/dev/v1/projects': { body: { projects: [{ id: 'p1', status: 1 }] } } },
    operation: PROJECTS,
    place: 'projects[0].vendor_key is missing',
  },
  {
    name: 'a duration of "abc"',
    vendor: 'agora',
    script: usageDay({ date: '2026-09-28', usage: { durationAudioAll: 'abc' } }),
    operation: USAGE,
    place: 'usages[0].usage.durationAudioAll is not a number of seconds (got a string)',
  },
  {
    name: 'a duration of "Infinity"',
    vendor: 'agora',
    script: usageDay({ date: '2026-09-28', usage: { durationVideoHd: 'Infinity' } }),
    operation: USAGE,
    place: 'usages[0].usage.durationVideoHd is not a number of seconds',
  },
  {
    name: 'a usage day of 2026-02-30',
    vendor: 'agora',
    script: usageDay({ date: '2026-02-30', usage: { durationAudioAll: 60 } }),
    operation: USAGE,
    place: 'usages[0].date is not a date',
  },
  {
    name: 'a usage day as epoch microseconds',
    vendor: 'agora',
    script: usageDay({ date: 1_790_553_600_000_000, usage: { durationAudioAll: 60 } }),
    operation: USAGE,
    place: 'usages[0].date is not a date',
  },
  {
    name: 'a body over the 1 MiB cap',
    vendor: 'agora',
    script: { '/dev/v1/projects': { body: oversize() } },
    operation: PROJECTS,
    place: TOO_BIG,
  },
];

const BALANCE = 'GET /Balance.json';
const RECORDS = 'GET /Usage/Records/Daily.json';
const balance = (body: unknown) => ({ '/Balance.json': { body } });
const record = (r: Record<string, unknown>) => ({
  '/Usage/Records/Daily.json': { body: { usage_records: [r], next_page_uri: null } },
});

const twilio: MalformedCase[] = [
  {
    name: 'balance as an object',
    vendor: 'twilio',
    script: balance({ balance: { amount: '12.29' }, currency: 'USD' }),
    operation: BALANCE,
    place: '"balance" is not a decimal number (got an object)',
  },
  {
    name: 'balance as a boolean',
    vendor: 'twilio',
    script: balance({ balance: true, currency: 'USD' }),
    operation: BALANCE,
    place: '"balance" is not a decimal number (got a boolean)',
  },
  {
    name: 'balance "abc"',
    vendor: 'twilio',
    script: balance({ balance: 'abc', currency: 'USD' }),
    operation: BALANCE,
    place: '"balance" is not a decimal number (got a string that is not one)',
  },
  {
    name: 'balance "NaN"',
    vendor: 'twilio',
    script: balance({ balance: 'NaN', currency: 'USD' }),
    operation: BALANCE,
    place: '"balance" is not a decimal number',
  },
  {
    name: 'a 400-digit balance',
    vendor: 'twilio',
    script: balance({ balance: `1${'0'.repeat(400)}`, currency: 'USD' }),
    operation: BALANCE,
    place: '"balance" is out of range',
  },
  {
    name: 'no currency',
    vendor: 'twilio',
    script: balance({ balance: '12.29' }),
    operation: BALANCE,
    place: '"currency" is not a currency code (got nothing)',
  },
  {
    name: 'a currency that is not a code',
    vendor: 'twilio',
    script: balance({ balance: '12.29', currency: 'US Dollar' }),
    operation: BALANCE,
    place: '"currency" is not a currency code (got a string)',
  },
  {
    name: 'a price of "Infinity"',
    vendor: 'twilio',
    script: record({ start_date: '2026-09-28', price: 'Infinity' }),
    operation: RECORDS,
    place: 'usage_records[0].price is not a decimal number',
  },
  {
    name: 'a usage day of 2026-02-30',
    vendor: 'twilio',
    script: record({ start_date: '2026-02-30', price: '1.00' }),
    operation: RECORDS,
    place: 'usage_records[0].start_date is not a date',
  },
  {
    name: 'a paging loop: the same next_page_uri twice',
    vendor: 'twilio',
    script: {
      '/Usage/Records/Daily.json': {
        body: { usage_records: [], next_page_uri: `${TWILIO_USAGE}?Page=1&PageToken=PAsame` },
      },
    },
    operation: RECORDS,
    place: '"next_page_uri" repeats a page already read',
  },
  {
    name: 'a content type that lies: application/json over XML',
    vendor: 'twilio',
    script: { '/Balance.json': { body: '<?xml version="1.0"?><TwilioResponse><Balance/></TwilioResponse>' } },
    operation: BALANCE,
    place: NOT_JSON,
  },
];

const GET_BALANCE = 'GET /account/get-balance';
const vonageBody = (body: unknown) => ({ '/account/get-balance': { body } });

const vonage: MalformedCase[] = [
  {
    name: 'no value',
    vendor: 'vonage',
    script: vonageBody({ autoReload: false }),
    operation: GET_BALANCE,
    place: '"value" is missing',
  },
  {
    name: 'value as a list',
    vendor: 'vonage',
    script: vonageBody({ value: [10.28] }),
    operation: GET_BALANCE,
    place: '"value" is not a decimal number (got a list)',
  },
  {
    name: 'value as 1e999, which JSON reads as Infinity',
    vendor: 'vonage',
    script: vonageBody('{"value": 1e999, "autoReload": false}'),
    operation: GET_BALANCE,
    place: '"value" is not a finite number',
  },
  {
    name: 'value as a number beyond 2^53',
    vendor: 'vonage',
    script: vonageBody('{"value": 123456789012345678901234, "autoReload": false}'),
    operation: GET_BALANCE,
    place: '"value" is out of range',
  },
  {
    name: 'the answer as a list',
    vendor: 'vonage',
    script: vonageBody([{ value: 10.28 }]),
    operation: GET_BALANCE,
    place: 'the answer is not an object (got a list)',
  },
  {
    name: 'an HTML error page with 200, sent as application/json',
    vendor: 'vonage',
    script: vonageBody(HTML_PAGE),
    operation: GET_BALANCE,
    place: NOT_JSON,
  },
  {
    name: 'a streamed body over the 1 MiB cap',
    vendor: 'vonage',
    script: { '/account/get-balance': { body: oversize(), chunked: true } },
    operation: GET_BALANCE,
    place: TOO_BIG,
  },
];

const GET = 'GET /balance';
const answer = (data: Record<string, unknown>) => ({
  '/balance': { body: { data: { balance: '42.00', currency: 'EUR', expiresAt: '2026-12-31', ...data } } },
});

const httpJson: MalformedCase[] = [
  {
    name: 'the balance left out, an error envelope instead, with 200',
    vendor: 'http-json',
    script: { '/balance': { body: { error: { code: 'quota', message: 'try later' } } } },
    operation: GET,
    place: '"data.balance" is missing',
  },
  {
    name: 'balance null',
    vendor: 'http-json',
    script: answer({ balance: null }),
    operation: GET,
    place: '"data.balance" is not a decimal number (got null)',
  },
  {
    name: 'balance "12,5 EUR"',
    vendor: 'http-json',
    script: answer({ balance: '12,5 EUR' }),
    operation: GET,
    place: '"data.balance" is not a decimal number',
  },
  {
    name: 'no currency',
    vendor: 'http-json',
    script: answer({ currency: undefined }),
    operation: GET,
    place: '"data.currency" is not a currency code (got nothing)',
  },
  {
    name: 'a currency symbol instead of a code',
    vendor: 'http-json',
    script: answer({ currency: '€' }),
    operation: GET,
    place: '"data.currency" is not a currency code (got a string)',
  },
  {
    name: 'an expiry of 2026-02-30',
    vendor: 'http-json',
    script: answer({ expiresAt: '2026-02-30' }),
    operation: GET,
    place: '"data.expiresAt" is not a date',
  },
  {
    name: 'an expiry instant on 2026-02-30',
    vendor: 'http-json',
    script: answer({ expiresAt: '2026-02-30T16:00:00Z' }),
    operation: GET,
    place: '"data.expiresAt" is not a date',
  },
  {
    name: 'an expiry as epoch microseconds',
    vendor: 'http-json',
    script: answer({ expiresAt: 1_798_675_200_000_000 }),
    operation: GET,
    place: '"data.expiresAt" is not a date',
  },
  {
    name: 'an empty body with 200',
    vendor: 'http-json',
    script: { '/balance': { body: '' } },
    operation: GET,
    place: NOT_JSON,
  },
];

export const USAGE_VENDOR_CASES: readonly MalformedCase[] = [...agora, ...twilio, ...vonage, ...httpJson];
