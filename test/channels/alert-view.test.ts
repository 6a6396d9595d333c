import { ACK_URL, balanceAlert, channelOf, expiryAlert } from './channel-fixtures';
import { buildAlertView } from '../../lambda/channels/messages';
import type { Alert, Language } from '../../lambda/core/model';

function view(
  alert: Alert,
  language: Language = 'en',
  context: { serviceName?: string } = { serviceName: 'Live app RTC' },
) {
  return buildAlertView({ alert, channel: channelOf('slack'), language, ...context, ackUrl: ACK_URL });
}

describe('alert headlines', () => {
  it.each<[string, Partial<Alert>, string, string]>([
    [
      'days ahead',
      { daysLeft: 9 },
      '[Critical] Live app RTC expires in 9 days',
      '【严重】Live app RTC 将于 9 天后到期',
    ],
    [
      'tomorrow',
      { daysLeft: 1, severity: 'emergency' },
      '[Emergency] Live app RTC expires tomorrow',
      '【紧急】Live app RTC 明天到期',
    ],
    [
      'today',
      { daysLeft: 0, severity: 'emergency' },
      '[Emergency] Live app RTC expires today',
      '【紧急】Live app RTC 今天到期',
    ],
    [
      'past',
      { daysLeft: -3, severity: 'emergency' },
      '[Emergency] Live app RTC expired 3 days ago',
      '【紧急】Live app RTC 已过期 3 天',
    ],
    [
      'one day past',
      { daysLeft: -1, severity: 'emergency' },
      '[Emergency] Live app RTC expired 1 day ago',
      '【紧急】Live app RTC 已过期 1 天',
    ],
    [
      'in use after expiry',
      { kind: 'expired-in-use', severity: 'emergency' },
      '[Emergency] Live app RTC has expired but is still in use',
      '【紧急】Live app RTC 已过期但仍在使用',
    ],
    [
      'auto-renewal at risk',
      { kind: 'auto-renew-risk', severity: 'warning' },
      '[Warning] Auto-renewal of Live app RTC is at risk',
      '【警告】Live app RTC 的自动续费存在风险',
    ],
  ])('names the service and when it lapses: %s', (_case, overrides, en, zh) => {
    expect(view(expiryAlert(overrides), 'en').headline).toBe(en);
    expect(view(expiryAlert(overrides), 'zh-CN').headline).toBe(zh);
  });

  it.each<[string, Partial<Alert>, string, string]>([
    ['low balance', {}, '[Warning] Low balance: agora-main', '【警告】余额不足：agora-main'],
    [
      'runway',
      { kind: 'runway', severity: 'critical' },
      '[Critical] Balance running out: agora-main',
      '【严重】余额即将耗尽：agora-main',
    ],
    ['spend spike', { kind: 'spend-spike' }, '[Warning] Spending spike: agora-main', '【警告】消费激增：agora-main'],
    [
      'blind spot',
      { kind: 'blind-spot' },
      '[Warning] Cannot read account agora-main',
      '【警告】无法读取账号 agora-main',
    ],
    [
      'recovery',
      { key: 'agora-main:balance:2026-09-28:recovered', severity: 'info' },
      '[Info] Balance recovered: agora-main',
      '【提示】余额已恢复：agora-main',
    ],
  ])('names the account for account alerts: %s', (_case, overrides, en, zh) => {
    expect(view(balanceAlert(overrides), 'en').headline).toBe(en);
    expect(view(balanceAlert(overrides), 'zh-CN').headline).toBe(zh);
  });
});

describe('policy notices and follow-ups', () => {
  it.each<[string, Partial<Alert>, string, string]>([
    [
      'renewal missed',
      { kind: 'renewal-missed' as Alert['kind'], severity: 'emergency', daysLeft: -1 },
      '[Emergency] Live app RTC did not renew automatically',
      '【紧急】Live app RTC 未按时自动续费',
    ],
    [
      'renewal confirmed',
      { kind: 'renewal-confirmed' as Alert['kind'], severity: 'info' },
      '[Info] Live app RTC was renewed',
      '【提示】Live app RTC 已续费',
    ],
    [
      'coverage gap',
      { kind: 'coverage-gap' as Alert['kind'], severity: 'warning' },
      '[Warning] Coverage gap after Live app RTC',
      '【警告】Live app RTC 到期后存在服务空档',
    ],
    [
      'stale owners',
      { kind: 'contacts-stale' as Alert['kind'], severity: 'info' },
      '[Info] Owners of Live app RTC need confirming',
      '【提示】请确认 Live app RTC 的负责人',
    ],
    ['a digest', { kind: 'digest' as Alert['kind'], severity: 'info' }, '[Info] Renewal digest', '【提示】续费摘要'],
    [
      'a daily repeat',
      { severity: 'emergency', daysLeft: 0, followUp: 'repeat' } as Partial<Alert>,
      '[Emergency, repeated] Live app RTC expires today',
      '【紧急·重复提醒】Live app RTC 今天到期',
    ],
    [
      'an escalation',
      { followUp: 'escalation' } as Partial<Alert>,
      '[Critical, escalated] Live app RTC expires in 9 days',
      '【严重·已升级】Live app RTC 将于 9 天后到期',
    ],
  ])('heads %s in both languages', (_case, overrides, en, zh) => {
    expect(view(expiryAlert(overrides), 'en').headline).toBe(en);
    expect(view(expiryAlert(overrides), 'zh-CN').headline).toBe(zh);
  });

  it('shows the day a balance runs out on, for spend alerts that name it', () => {
    // Act
    const v = view(
      balanceAlert({ kind: 'spend-growth' as Alert['kind'], runOutOn: '2026-10-20' } as Partial<Alert>),
      'en',
    );

    // Assess
    expect(v.headline).toBe('[Warning] Spending growing fast: agora-main');
    expect(v.facts).toContainEqual({ label: 'Runs out on', value: '2026-10-20' });
    expect(v.action).toBe('Check recent usage for unexpected traffic.');
  });

  it("keeps a digest's lines, with more room than other details", () => {
    // Prepare
    const lines = Array.from(
      { length: 60 },
      (_, i) => `- service-${i}: expires 2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    );

    // Act
    const v = view(expiryAlert({ kind: 'digest' as Alert['kind'], message: lines.join('\n') }), 'en');

    // Assess
    expect(v.details).toBe(lines.join('\n'));
    expect(v.details!.length).toBeGreaterThan(1500);
  });
});

describe('alert facts', () => {
  it('names the service, project, date, days left and owners, and says what to do', () => {
    // Act
    const v = view(expiryAlert(), 'zh-CN');

    // Assess
    expect(v.facts).toEqual([
      { label: '服务', value: 'Live app RTC (live-rtc)' },
      { label: '项目', value: 'live-app' },
      { label: '到期日', value: '2026-10-09' },
      { label: '剩余天数', value: '9 天' },
      { label: '负责人', value: 'alice@example.com、bob@example.com' },
    ]);
    expect(v.action).toBe('请在 2026-10-09 之前续费，或与供应商确认套餐。');
    expect(v.ack).toEqual({ url: ACK_URL, label: '确认收到' });
    expect(v).not.toHaveProperty('details');
  });

  it('shows the id alone when no display name is known', () => {
    expect(view(expiryAlert(), 'en', {}).facts[0]).toEqual({ label: 'Service', value: 'live-rtc' });
    expect(view(expiryAlert(), 'en', {}).title).toBe('live-rtc expires in 9 days');
  });

  it('tells an expired service to be renewed now', () => {
    expect(view(expiryAlert({ daysLeft: -2 }), 'en').action).toBe('Renew it now, or confirm it is no longer needed.');
    expect(view(expiryAlert({ daysLeft: -2 }), 'en').facts[3]).toEqual({
      label: 'Days left',
      value: 'expired 2 days ago',
    });
  });

  it("carries the core's own text as details where the numbers live only there", () => {
    // Act
    const v = view(balanceAlert(), 'zh-CN');

    // Assess
    expect(v.facts).toEqual([
      { label: '账号', value: 'agora-main' },
      { label: '项目', value: 'live-app' },
      { label: '负责人', value: 'alice@example.com' },
    ]);
    expect(v.details).toBe(balanceAlert().message);
    expect(v.action).toBe('请在服务被暂停之前为账号充值。');
  });

  it('offers no acknowledge link when the alert has none', () => {
    expect(buildAlertView({ alert: expiryAlert(), channel: channelOf('slack') })).not.toHaveProperty('ack');
  });
});
