import { agoraHistory, REPORT_NOW, reportConfig, sampleReport } from './report-fixtures';
import { buildReportData, projectRunway, runwayTone } from '../../lambda/report';
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
    expect(data.accounts[0]).toMatchObject({ currency: 'USD', policy: { minAmount: 500, minRunwayDays: 14 } });
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
  it('averages the reported spend of the last 14 days and projects the day the balance runs out', () => {
    // Act
    const projection = projectRunway(agoraHistory(), reportConfig().accounts[0]!.balance);

    // Assess: 648 at ~34.64 a day lasts 18.7 days
    expect(projection).toMatchObject({ balance: 648, asOf: '2026-09-30', runOutOn: '2026-10-18', tone: 'warning' });
    expect(projection!.dailySpend).toBeCloseTo(34.64, 2);
    expect(projection!.runwayDays).toBeCloseTo(18.71, 2);
  });

  it('falls back to day-to-day drops when no spend is reported, ignoring top-ups', () => {
    // Prepare
    const history = [
      { date: '2026-09-26', balance: 100 },
      { date: '2026-09-27', balance: 90 },
      { date: '2026-09-28', balance: 300 },
      { date: '2026-09-30', balance: 280 },
    ];

    // Act
    const projection = projectRunway(history, undefined);

    // Assess: 10 + 20 spent over 4 days
    expect(projection).toMatchObject({ dailySpend: 7.5, runwayDays: 280 / 7.5, runOutOn: '2026-11-06', tone: 'ok' });
  });

  it('projects no run-out while nothing is spent', () => {
    // Act
    const projection = projectRunway([{ date: '2026-09-30', balance: 50 }], undefined);

    // Assess
    expect(projection).toEqual({ balance: 50, asOf: '2026-09-30', tone: 'ok' });
  });

  it('has nothing to project without history', () => {
    expect(projectRunway([], undefined)).toBeUndefined();
  });

  it('judges runway against the policy where there is one, else by the reminder severities', () => {
    expect(runwayTone(0, 0, undefined)).toBe('emergency');
    expect(runwayTone(400, 30, { minAmount: 500 })).toBe('critical');
    expect(runwayTone(900, 14, { minRunwayDays: 14 })).toBe('critical');
    expect(runwayTone(900, 28, { minRunwayDays: 14 })).toBe('warning');
    expect(runwayTone(900, 29, { minRunwayDays: 14 })).toBe('ok');
    expect(runwayTone(900, 7, undefined)).toBe('critical');
    expect(runwayTone(900, 15, undefined)).toBe('warning');
    expect(runwayTone(900, 16, undefined)).toBe('ok');
  });
});
