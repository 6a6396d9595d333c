import { agoraHistory, REPORT_NOW, sampleReport } from './report-fixtures';
import { accountFigures } from '../../lambda/core/accounts';
import { buildReportData, figuresTone, projectRunway } from '../../lambda/report';
import { guardConfig } from '../app/cycle-fixtures';

describe('report data', () => {
  it('states when, where and over which days the report was made', () => {
    // Act
    const data = sampleReport();

    // Assess
    expect(data).toMatchObject({
      generatedAt: '2026-09-30T09:30:00+08:00',
      today: '2026-09-30',
      timeZone: 'Asia/Shanghai',
      calendar: 'CN',
      from: '2026-09-23',
      days: 120,
    });
  });

  it('orders services by days left, expired first and those without an expiry last', () => {
    // Act
    const data = sampleReport();

    // Assess
    expect(data.services.map((s) => [s.id, s.daysLeft])).toEqual([
      ['edu-classroom', -5],
      ['voice-im', 1],
      ['live-rtc', 9],
      ['voice-room', 20],
      ['xss', 46],
      ['live-cdn', 81],
      ['edu-whiteboard', 182],
      ['live-recording', undefined],
    ]);
  });

  it('colours a service by the most urgent reminder tier already delivered, as the reminders do', () => {
    // Act
    const byId = new Map(sampleReport().services.map((s) => [s.id, s]));

    // Assess
    expect(byId.get('edu-classroom')).toMatchObject({ status: 'expired', tone: 'emergency' });
    expect(byId.get('voice-im')).toMatchObject({ status: 'due', tone: 'emergency' });
    expect(byId.get('live-rtc')).toMatchObject({ status: 'due', tone: 'critical' });
    expect(byId.get('voice-room')).toMatchObject({ status: 'due', tone: 'warning' });
    expect(byId.get('xss')).toMatchObject({ status: 'due', tone: 'info' });
    expect(byId.get('live-cdn')).toMatchObject({ status: 'upcoming', tone: 'ok' });
    expect(byId.get('live-recording')).toMatchObject({ status: 'no-expiry', tone: 'none', tiers: [] });
  });

  it('places each tier on its delivery day, moved before the CN National Day holidays', () => {
    // Act: live-rtc expires 2026-10-09; its 7-day tier is due 2026-10-02, a holiday
    const liveRtc = sampleReport().services.find((s) => s.id === 'live-rtc')!;

    // Assess
    expect(liveRtc.tiers).toEqual([
      { tier: 60, date: '2026-08-10', severity: 'info' },
      { tier: 30, date: '2026-09-09', severity: 'info' },
      { tier: 15, date: '2026-09-24', severity: 'warning' },
      { tier: 7, date: '2026-09-30', severity: 'critical' },
      { tier: 1, date: '2026-10-08', severity: 'emergency' },
    ]);
  });

  it('links each account to its services and carries the history it is given', () => {
    // Act
    const data = sampleReport();

    // Assess
    expect(data.accounts.map((a) => [a.id, a.serviceIds, a.history?.length ?? 0, a.current?.status])).toEqual([
      ['agora-main', ['live-rtc', 'live-recording'], 40, undefined],
      ['trtc-cn', ['voice-room', 'voice-im'], 0, 'failed'],
      ['contracts', [], 0, undefined],
    ]);
    expect(data.accounts[0]).toMatchObject({ currency: 'USD', policy: { minAmount: 500, minRunwayDays: 21 } });
  });

  it('takes the timeline window it is asked for', () => {
    // Act
    const config = guardConfig();
    const data = buildReportData({ config, services: config.services, now: REPORT_NOW, from: '2026-10-01', days: 30 });

    // Assess
    expect([data.from, data.days]).toEqual(['2026-10-01', 30]);
  });
});

describe('runway projection', () => {
  it("draws the account's figures: the spend the vendor reported, the runway and the day it runs out", () => {
    // Act
    const projection = projectRunway(sampleReport().accounts[0]!.figures);

    // Assess: 648 at ~34.64 a day lasts 18.7 days, under the 21-day minimum: the alerts' warning
    expect(projection).toMatchObject({ balance: 648, asOf: '2026-09-30', runOutOn: '2026-10-18', tone: 'warning' });
    expect(projection!.dailySpend).toBeCloseTo(34.64, 2);
    expect(projection!.runwayDays).toBe(18.7);
  });

  it('is the same figure as accountFigures gives every other view', () => {
    // Prepare
    const account = sampleReport().accounts[0]!;
    const state = {
      accountId: 'agora-main',
      consecutiveFailures: 0,
      currency: 'USD',
      lowBalanceSince: '2026-09-28',
      history: agoraHistory(),
    };

    // Act
    const figures = accountFigures('agora-main', state, '2026-09-30');

    // Assess
    expect(account.figures).toEqual(figures);
    expect(projectRunway(account.figures)).toMatchObject({
      dailySpend: figures.dailySpend,
      runwayDays: figures.runwayDays,
      runOutOn: figures.runOutOn,
    });
  });

  it('has nothing to project without a balance', () => {
    expect(projectRunway(undefined)).toBeUndefined();
    expect(projectRunway({ accountId: 'a', status: 'no-data' })).toBeUndefined();
  });

  it('colours an account as its alerts judge it: a low balance at its severity, a blind spot as a warning', () => {
    const base = { accountId: 'a', balance: { amount: 10, currency: 'USD' }, asOf: '2026-09-30' } as const;
    expect(figuresTone({ ...base, status: 'low', severity: 'critical' })).toBe('critical');
    expect(figuresTone({ ...base, status: 'low', severity: 'emergency' })).toBe('emergency');
    expect(figuresTone({ ...base, status: 'failing' })).toBe('warning');
    expect(figuresTone({ ...base, status: 'ok' })).toBe('ok');
    expect(figuresTone({ accountId: 'a', status: 'no-data' })).toBe('none');
  });
});
