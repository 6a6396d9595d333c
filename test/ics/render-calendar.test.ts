import * as fs from 'fs';
import * as path from 'path';
import { parseCalendar, parsedEvents } from './parse-ics';
import { loadGuardConfig } from '../../lambda/app/load-config';
import type { GuardConfig } from '../../lambda/core/model';
import { renderCalendar } from '../../lambda/ics';
import { guardConfig } from '../app/cycle-fixtures';

const NOW = new Date('2026-08-01T00:00:00Z');

function contractExample(): GuardConfig {
  const result = loadGuardConfig({ file: path.join(__dirname, 'fixtures', 'contract-example.yaml') });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.config;
}

function service(overrides: Record<string, unknown>) {
  return { name: 'Svc', project: 'p', kind: 'subscription', owners: ['ops@example.com'], ...overrides };
}

describe('the expiry calendar', () => {
  it('matches the golden file for the contract example, with CRLF line ends only', () => {
    const ics = renderCalendar(contractExample(), { now: NOW });

    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').filter((line) => line.includes('\n') || line.includes('\r'))).toEqual([]);
    // the golden file is stored with LF: .gitattributes normalises text files to LF on commit
    const golden = path.join(__dirname, 'golden', 'contract-example.ics');
    // regenerate after an intended change with UPDATE_GOLDEN=1, then review the diff like code
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, ics.replace(/\r\n/g, '\n'));
    expect(ics.replace(/\r\n/g, '\n')).toBe(fs.readFileSync(golden, 'utf8'));
  });

  it('parses back with an independent parser into one all-day event per expiry', () => {
    // Prepare: two dated services and one prepaid service without an expiry date
    const config = guardConfig({
      services: [
        service({ id: 'live-rtc', name: 'Live app RTC', project: 'live-app', expiresOn: '2026-10-09' }),
        service({ id: 'voice-room', name: 'Voice room', project: 'voice', expiresOn: '2026-10-20', autoRenew: true }),
        service({ id: 'sms-credits', kind: 'prepaid' }),
      ],
    });

    // Act
    const events = parsedEvents(renderCalendar(config, { now: NOW }));

    // Assess
    expect(events.map(({ description: _d, alarms: _a, ...rest }) => rest)).toEqual([
      {
        uid: 'live-rtc-2026-10-09@renewal-guard',
        summary: 'Live app RTC expires',
        start: '2026-10-09',
        startIsDate: true,
        end: '2026-10-10',
        categories: 'live-app',
        sequence: 0,
        stamp: '2026-08-01T00:00:00.000Z',
      },
      {
        uid: 'voice-room-2026-10-20@renewal-guard',
        summary: 'Voice room expires',
        start: '2026-10-20',
        startIsDate: true,
        end: '2026-10-21',
        categories: 'voice',
        sequence: 0,
        stamp: '2026-08-01T00:00:00.000Z',
      },
    ]);
    expect(events[1]!.description).toContain(
      'What to do: auto-renewal is on; confirm the payment method and balance will cover it.',
    );
  });

  it('describes the expiry: project, owners, what to do and each reminder with its alert key', () => {
    const events = parsedEvents(renderCalendar(contractExample(), { now: NOW }));

    expect(events[0]!.description.split('\n')).toEqual([
      'Live app RTC (live-rtc) expires on 2026-10-09.',
      'Project: live-app',
      'Owners: alice@example.com',
      // in the words of the service's kind, as the messages say it: live-rtc is a subscription
      'What to do: Renew the subscription before 2026-10-09.',
      'Reminders (at 09:30 Asia/Shanghai):',
      '- 2026-09-09: 30 days before, info, alert key live-rtc:expiry:2026-10-09:30',
      '- 2026-09-30: 7 days before, critical, alert key live-rtc:expiry:2026-10-09:7',
      '- 2026-10-08: 1 day before, emergency, alert key live-rtc:expiry:2026-10-09:1',
      '- 2026-10-09: expiry day, emergency, alert key live-rtc:expiry:2026-10-09:0',
      'Acknowledge a reminder with: renewal-guard ack <alert key>',
    ]);
  });

  it('keeps UIDs across renders, and gives a renewed expiry a new UID', () => {
    const config = guardConfig();
    const renewed = guardConfig({
      services: [
        service({ id: 'live-rtc', expiresOn: '2027-10-09' }),
        service({ id: 'voice-room', expiresOn: '2026-10-20' }),
      ],
    });

    const first = parsedEvents(renderCalendar(config, { now: NOW })).map((e) => e.uid);
    const later = parsedEvents(renderCalendar(config, { now: new Date('2026-09-15T03:00:00Z') })).map((e) => e.uid);
    const afterRenewal = parsedEvents(renderCalendar(renewed, { now: NOW })).map((e) => e.uid);

    expect(later).toEqual(first);
    expect(first).toEqual(['live-rtc-2026-10-09@renewal-guard', 'voice-room-2026-10-20@renewal-guard']);
    expect(afterRenewal).toEqual(['voice-room-2026-10-20@renewal-guard', 'live-rtc-2027-10-09@renewal-guard']);
  });

  it('alarms at each tier at the check time, moved before a CN holiday, plus the expiry day', () => {
    // Prepare: tiers 60/30/15/7/1; tier 7 is due on 2026-10-02, inside the National Day holiday
    const config = guardConfig({
      services: [service({ id: 'live-rtc', name: 'Live app RTC', expiresOn: '2026-10-09' })],
    });

    // Act
    const [event] = parsedEvents(renderCalendar(config, { now: NOW }));

    // Assess: 09:30 in Asia/Shanghai is 01:30Z
    expect(event!.alarms).toEqual([
      {
        action: 'DISPLAY',
        description: '[Info] Live app RTC expires in 60 days (2026-10-09). Alert key: live-rtc:expiry:2026-10-09:60',
        trigger: '2026-08-10T01:30:00.000Z',
      },
      {
        action: 'DISPLAY',
        description: '[Info] Live app RTC expires in 30 days (2026-10-09). Alert key: live-rtc:expiry:2026-10-09:30',
        trigger: '2026-09-09T01:30:00.000Z',
      },
      {
        action: 'DISPLAY',
        description: '[Warning] Live app RTC expires in 15 days (2026-10-09). Alert key: live-rtc:expiry:2026-10-09:15',
        trigger: '2026-09-24T01:30:00.000Z',
      },
      {
        action: 'DISPLAY',
        description: '[Critical] Live app RTC expires in 9 days (2026-10-09). Alert key: live-rtc:expiry:2026-10-09:7',
        trigger: '2026-09-30T01:30:00.000Z',
      },
      {
        action: 'DISPLAY',
        description: '[Emergency] Live app RTC expires tomorrow (2026-10-09). Alert key: live-rtc:expiry:2026-10-09:1',
        trigger: '2026-10-08T01:30:00.000Z',
      },
      {
        action: 'DISPLAY',
        description: '[Emergency] Live app RTC expires today (2026-10-09). Alert key: live-rtc:expiry:2026-10-09:0',
        trigger: '2026-10-09T01:30:00.000Z',
      },
    ]);
  });

  it('follows the guard zone across a daylight-saving change (America/New_York)', () => {
    // Prepare: 09:00 New York is 13:00Z under EDT, 14:00Z after clocks go back on 2026-11-01
    const config = guardConfig({
      timeZone: 'America/New_York',
      checkTime: '09:00',
      calendar: 'weekends',
      services: [service({ id: 'svc', expiresOn: '2026-11-10', reminderDays: [15, 7] })],
    });

    const [event] = parsedEvents(renderCalendar(config, { now: NOW }));

    expect(event!.alarms.map((a) => a.trigger)).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
      '2026-11-10T14:00:00.000Z',
    ]);
  });

  it('alarms a contract with a notice period at its decision reminders, then the expiry tiers inside the notice', () => {
    // Prepare: notice 30 days before 2027-03-31, so the contract is decided by Monday 2027-03-01; tiers
    // 30, 15 and 1 before that day fall on weekends and come on the Friday before
    const config = guardConfig({
      timeZone: 'UTC',
      checkTime: '09:00',
      calendar: 'weekends',
      services: [service({ id: 'cdn', name: 'CDN', kind: 'contract', noticeDays: 30, expiresOn: '2027-03-31' })],
    });

    // Act
    const [event] = parsedEvents(renderCalendar(config, { now: NOW }));

    // Assess: the keys the cycle fires (contract-decision until the decision day; tiers 60 and 30 of the
    // expiry are inside the decision period, so they never fire as expiry reminders)
    const decide = (severity: string, left: string, tier: number) =>
      `[${severity}] CDN: decide by 2027-03-01 (${left} left) whether to renew, renegotiate or end the contract. ` +
      `Alert key: cdn:contract-decision:2027-03-01:${tier}`;
    expect(event!.alarms.map((a) => [a.trigger, a.description])).toEqual([
      ['2026-12-31T09:00:00.000Z', decide('Info', '60 days', 60)],
      ['2027-01-29T09:00:00.000Z', decide('Info', '31 days', 30)],
      ['2027-02-12T09:00:00.000Z', decide('Warning', '17 days', 15)],
      ['2027-02-22T09:00:00.000Z', decide('Critical', '7 days', 7)],
      ['2027-02-26T09:00:00.000Z', decide('Emergency', '3 days', 1)],
      [
        '2027-03-01T09:00:00.000Z',
        '[Emergency] CDN: decide today (2027-03-01) whether to renew, renegotiate or end the contract. ' +
          'Alert key: cdn:contract-decision:2027-03-01:0',
      ],
      [
        '2027-03-16T09:00:00.000Z',
        '[Warning] CDN expires in 15 days (2027-03-31). Alert key: cdn:expiry:2027-03-31:15',
      ],
      ['2027-03-24T09:00:00.000Z', '[Critical] CDN expires in 7 days (2027-03-31). Alert key: cdn:expiry:2027-03-31:7'],
      ['2027-03-30T09:00:00.000Z', '[Emergency] CDN expires tomorrow (2027-03-31). Alert key: cdn:expiry:2027-03-31:1'],
      ['2027-03-31T09:00:00.000Z', '[Emergency] CDN expires today (2027-03-31). Alert key: cdn:expiry:2027-03-31:0'],
    ]);
    expect(event!.description).toContain(
      '\nWhat to do: Give notice, renegotiate or confirm the renewal by 2027-03-01.\n',
    );
    expect(event!.description.split('\n').filter((line) => line.startsWith('- 2027-0'))).toEqual([
      '- 2027-01-29: 30 days before the decision date 2027-03-01, info, alert key cdn:contract-decision:2027-03-01:30',
      '- 2027-02-12: 15 days before the decision date 2027-03-01, warning, alert key cdn:contract-decision:2027-03-01:15',
      '- 2027-02-22: 7 days before the decision date 2027-03-01, critical, alert key cdn:contract-decision:2027-03-01:7',
      '- 2027-02-26: 1 day before the decision date 2027-03-01, emergency, alert key cdn:contract-decision:2027-03-01:1',
      '- 2027-03-01: decision day, emergency, alert key cdn:contract-decision:2027-03-01:0',
      '- 2027-03-16: 15 days before, warning, alert key cdn:expiry:2027-03-31:15',
      '- 2027-03-24: 7 days before, critical, alert key cdn:expiry:2027-03-31:7',
      '- 2027-03-30: 1 day before, emergency, alert key cdn:expiry:2027-03-31:1',
      '- 2027-03-31: expiry day, emergency, alert key cdn:expiry:2027-03-31:0',
    ]);
  });

  it('leaves out alarms already past, keeping the one due at a later instant of the same day', () => {
    const config = guardConfig({ services: [service({ id: 'live-rtc', expiresOn: '2026-10-09' })] });

    const atCheck = parsedEvents(renderCalendar(config, { now: new Date('2026-09-30T01:30:00Z') }));
    const justBefore = parsedEvents(renderCalendar(config, { now: new Date('2026-09-30T01:29:59Z') }));

    expect(atCheck[0]!.alarms.map((a) => a.trigger.slice(0, 10))).toEqual(['2026-10-08', '2026-10-09']);
    expect(justBefore[0]!.alarms.map((a) => a.trigger.slice(0, 10))).toEqual([
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
    ]);
  });

  it('keeps the event of an expired service, without alarms', () => {
    const config = guardConfig({ services: [service({ id: 'old', expiresOn: '2026-07-01' })] });

    const events = parsedEvents(renderCalendar(config, { now: NOW }));

    expect(events.map((e) => [e.uid, e.alarms.length])).toEqual([['old-2026-07-01@renewal-guard', 0]]);
  });

  it('folds long CJK names at 75 octets without splitting a character', () => {
    // Prepare: 3-octet CJK characters and a 4-octet emoji, long enough to fold many times
    const name = `${'语音房连麦直播'.repeat(12)} 🎤 Live`;
    const config = guardConfig({ services: [service({ id: 'voice-room', name, expiresOn: '2026-10-20' })] });

    // Act
    const ics = renderCalendar(config, { now: NOW });

    // Assess: every physical line fits and is valid UTF-8 on its own
    const bytes = Buffer.from(ics, 'utf8');
    const physicalLines: Buffer[] = [];
    for (let start = 0, end; start < bytes.length; start = end + 2) {
      end = bytes.indexOf('\r\n', start);
      physicalLines.push(bytes.subarray(start, end));
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    expect(physicalLines.filter((line) => line.length > 75).map(String)).toEqual([]);
    expect(() => physicalLines.forEach((line) => decoder.decode(line))).not.toThrow();
    expect(physicalLines.filter((line) => line[0] === 0x20).length).toBeGreaterThan(10);
    expect(parsedEvents(ics)[0]!.summary).toBe(`${name} expires`);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const name = 'RTC; EU, US \\ backup\nline two';
    // validation refuses a line break in a name (text-limits.ts); the renderer must escape one all the same
    const valid = guardConfig({ services: [service({ id: 'svc', name: 'RTC', expiresOn: '2026-10-20' })] });
    const config = { ...valid, services: valid.services.map((s) => ({ ...s, name })) };

    const ics = renderCalendar(config, { now: NOW });

    expect(ics).toContain('SUMMARY:RTC\\; EU\\, US \\\\ backup\\nline two expires\r\n');
    expect(parsedEvents(ics)[0]!.summary).toBe(`${name} expires`);
  });

  it('names the calendar, and writes the calendar properties RFC 5545 requires', () => {
    const ics = renderCalendar(guardConfig(), { now: NOW, name: 'Ops, renewals' });
    const calendar = parseCalendar(ics);

    expect({
      version: calendar.getFirstPropertyValue('version'),
      prodid: calendar.getFirstPropertyValue('prodid'),
      calscale: calendar.getFirstPropertyValue('calscale'),
    }).toEqual({ version: '2.0', prodid: '-//RenewalGuard//cdk-renewal-guard//EN', calscale: 'GREGORIAN' });
    // X- properties are TEXT by default (RFC 5545 3.8.8.2), so the name is escaped; ical.js reads them raw
    expect(ics).toContain('\r\nX-WR-CALNAME:Ops\\, renewals\r\n');
  });

  it('writes in Chinese when the config language is zh-CN', () => {
    const config: GuardConfig = {
      ...guardConfig({
        services: [service({ id: 'voice-room', name: '语音房', expiresOn: '2026-10-20', reminderDays: [7] })],
      }),
      language: 'zh-CN',
    };

    const ics = renderCalendar(config, { now: NOW });
    const [event] = parsedEvents(ics);

    expect(parseCalendar(ics).getFirstPropertyValue('x-wr-calname')).toBe('RenewalGuard 到期提醒');
    expect(event!.summary).toBe('语音房 到期');
    expect(event!.description.split('\n')).toEqual([
      '语音房（voice-room）将于 2026-10-20 到期。',
      '项目：p',
      '负责人：ops@example.com',
      '处理建议：请在 2026-10-20 之前续订。',
      '提醒（Asia/Shanghai 09:30）：',
      '- 2026-10-13：提前 7 天，严重，告警键 voice-room:expiry:2026-10-20:7',
      '- 2026-10-20：到期当天，紧急，告警键 voice-room:expiry:2026-10-20:0',
      '确认收到某条提醒：renewal-guard ack <告警键>',
    ]);
    expect(event!.alarms.map((a) => a.description)).toEqual([
      '【严重】语音房 将于 7 天后到期（2026-10-20）。告警键：voice-room:expiry:2026-10-20:7',
      '【紧急】语音房 今天到期（2026-10-20）。告警键：voice-room:expiry:2026-10-20:0',
    ]);
  });

  it("says a contract's decision reminders in Chinese when the config language is zh-CN", () => {
    // Prepare: decided by Monday 2026-11-30; both tiers are inside the 10-day notice, so both count to the
    // decision first (tier 1 on Friday 11-27), then to the expiry
    const config: GuardConfig = {
      ...guardConfig({
        calendar: 'weekends',
        services: [
          service({
            id: 'cdn',
            name: '内容分发',
            kind: 'contract',
            noticeDays: 10,
            expiresOn: '2026-12-10',
            reminderDays: [7, 1],
          }),
        ],
      }),
      language: 'zh-CN',
    };

    // Act
    const [event] = parsedEvents(renderCalendar(config, { now: NOW }));

    // Assess
    expect(event!.alarms.map((a) => a.description)).toEqual([
      '【严重】内容分发：请在 2026-11-30 之前（还剩 7 天）决定续约、重新商定还是终止合同。告警键：cdn:contract-decision:2026-11-30:7',
      '【紧急】内容分发：请在 2026-11-30 之前（还剩 3 天）决定续约、重新商定还是终止合同。告警键：cdn:contract-decision:2026-11-30:1',
      '【紧急】内容分发：今天（2026-11-30）须决定续约、重新商定还是终止合同。告警键：cdn:contract-decision:2026-11-30:0',
      '【严重】内容分发 将于 7 天后到期（2026-12-10）。告警键：cdn:expiry:2026-12-10:7',
      '【紧急】内容分发 明天到期（2026-12-10）。告警键：cdn:expiry:2026-12-10:1',
      '【紧急】内容分发 今天到期（2026-12-10）。告警键：cdn:expiry:2026-12-10:0',
    ]);
    expect(event!.description).toContain('\n处理建议：请在 2026-11-30 之前发出通知、重新商定或确认续约。\n');
    expect(event!.description).toContain(
      '- 2026-11-23：决定截止日 2026-11-30 前 7 天，严重，告警键 cdn:contract-decision:2026-11-30:7',
    );
  });

  it('writes an empty but valid calendar when no service has an expiry date', () => {
    const config = guardConfig({ services: [service({ id: 'sms-credits', kind: 'prepaid' })] });

    const ics = renderCalendar(config, { now: NOW });

    expect(parsedEvents(ics)).toEqual([]);
    expect(parseCalendar(ics).name).toBe('vcalendar');
  });
});
