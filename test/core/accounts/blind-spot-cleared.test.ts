/**
 * The "blind spot cleared" notice: an account reported unreadable (a blind spot) that reads again closes
 * it with an info notice keyed `<blind spot key>:cleared`, which resolutions route to every channel that
 * received the blind spot, whatever its minSeverity, and which speaks both languages.
 */
import {
  accountAudience,
  evaluateAccount,
  initialAccountState,
  type AccountState,
  type PollOutcome,
} from '../../../lambda/core/accounts';
import type { AccountConfig } from '../../../lambda/core/model';
import { followTriggers, isResolvingNotice, resolvedKeys } from '../../../lambda/core/policy/resolutions';
import { indexChannels } from '../../../lambda/core/reminders';
import { render } from '../../../lambda/delivery/render';
import { sampleService } from '../../support/model-fixtures';

const channels = indexChannels([
  { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'warning', options: {} },
  { id: 'pager', type: 'sms', to: ['+8613800000000'], minSeverity: 'critical', options: {} },
  { id: 'notes', type: 'email', to: ['notes@example.com'], minSeverity: 'info', options: {} },
]);
const twilio: AccountConfig = { id: 'twilio-main', vendor: 'twilio', credentials: 'renewal-guard/twilio', options: {} };
const services = [sampleService({ id: 'calls', account: 'twilio-main', channels: ['ops', 'pager'] })];
const failure: PollOutcome = { ok: false, error: 'twilio account twilio-main: HTTP 401 (code: 20003)' };
const success: PollOutcome = {
  ok: true,
  snapshot: {
    accountId: 'twilio-main',
    vendor: 'twilio',
    takenAt: '2026-10-01T01:30:00.000Z',
    balance: { amount: 600, currency: 'USD' },
    entitlements: [],
  },
};

function day(today: string, previous: AccountState, outcome: PollOutcome) {
  return evaluateAccount(twilio, previous, outcome, {
    now: new Date(`${today}T09:30:00+08:00`),
    today,
    audience: accountAudience(twilio, services, channels),
    channels,
  });
}

describe('a blind spot that reads again', () => {
  it('is closed by an info notice keyed after the blind spot, which resolves it', () => {
    const first = day('2026-09-29', initialAccountState('twilio-main'), failure);
    const blind = day('2026-09-30', first.state, failure);
    const healed = day('2026-10-01', blind.state, success);

    const notice = healed.alerts[0]!;
    expect(healed.alerts).toHaveLength(1);
    expect(notice).toMatchObject({
      key: 'twilio-main:blind-spot:2026-09-29T01:30:00.000Z:cleared',
      kind: 'blind-spot',
      severity: 'info',
      accountId: 'twilio-main',
      date: '2026-10-01',
    });
    expect(notice.message).toBe(
      'twilio account twilio-main can be read again after 2 failed cycles (since 2026-09-29T01:30:00.000Z); ' +
        'its figures are current again.',
    );
    expect(isResolvingNotice(notice)).toBe(true);
    expect(resolvedKeys(notice)).toEqual([blind.alerts[0]!.key]);
  });

  it('follows the blind spot to every channel it reached, though none of them takes info by minSeverity', () => {
    const first = day('2026-09-29', initialAccountState('twilio-main'), failure);
    const blind = day('2026-09-30', first.state, failure);
    const notice = day('2026-10-01', blind.state, success).alerts[0]!;

    // Routing by severity alone: info reaches neither ops (warning) nor pager (critical)
    expect(notice.channels).toEqual([]);
    const routed = followTriggers(notice, resolvedKeys(notice), blind.alerts, ['ops', 'pager', 'notes']);

    expect(blind.alerts[0]!.channels).toEqual(['ops']);
    expect(routed.channels).toEqual(['ops']);
    expect(routed.resolves).toEqual(['twilio-main:blind-spot:2026-09-29T01:30:00.000Z']);
  });

  it('is not raised after a single failed poll, which raised no blind spot', () => {
    const first = day('2026-09-29', initialAccountState('twilio-main'), failure);

    expect(day('2026-09-30', first.state, success).alerts).toEqual([]);
  });

  it('is raised once: the next successful poll says nothing more', () => {
    const first = day('2026-09-29', initialAccountState('twilio-main'), failure);
    const blind = day('2026-09-30', first.state, failure);
    const healed = day('2026-10-01', blind.state, success);

    expect(day('2026-10-02', healed.state, success).alerts).toEqual([]);
  });

  it('has its own title and no action to take, in English and in Chinese', () => {
    const first = day('2026-09-29', initialAccountState('twilio-main'), failure);
    const blind = day('2026-09-30', first.state, failure);
    const notice = { ...day('2026-10-01', blind.state, success).alerts[0]!, channels: ['ops'] };
    const ops = { ...channels.get('ops')!, type: 'email' as const };

    const [en] = render(notice, ops, 'en');
    const [zh] = render(notice, ops, 'zh-CN');

    expect(en!.subject).toBe('[Info] Account twilio-main can be read again');
    expect(en!.text).toContain('No action needed.');
    expect(en!.text).not.toContain("Check the account's credentials");
    expect(zh!.subject).toBe('【提示】账号 twilio-main 已恢复读取');
    expect(zh!.text).toContain('无需处理。');
    expect(zh!.text).not.toMatch(/can be read again/);
  });
});
