import { balanceAlert, expiryAlert } from './channel-fixtures';
import { usePlatformReceivers } from './publisher-harness';
import type { Alert } from '../../lambda/core/model';

const env = usePlatformReceivers();
const { publisher } = env;

describe('PagerDuty incidents', () => {
  function resolvedKeys(): unknown[] {
    return env.receivers.accepted('pagerduty').map((r) => {
      const body = r.body as { event_action: string; dedup_key: string };
      return [body.event_action, body.dedup_key];
    });
  }

  it('resolves every severity of a low-balance episode when the balance recovers', async () => {
    // Act
    await publisher('pagerduty').publish(
      balanceAlert({ key: 'agora-main:balance:2026-09-28:recovered', severity: 'info' }),
    );

    // Assess
    expect(resolvedKeys()).toEqual([
      ['resolve', 'agora-main:balance:2026-09-28:info'],
      ['resolve', 'agora-main:balance:2026-09-28:warning'],
      ['resolve', 'agora-main:balance:2026-09-28:critical'],
      ['resolve', 'agora-main:balance:2026-09-28:emergency'],
    ]);
  });

  it('resolves the keys a renewal notice closes, and triggers nothing for it', async () => {
    // Prepare
    const renewal = expiryAlert({
      key: 'live-rtc:renewal-confirmed:2026-10-09',
      kind: 'renewal-confirmed' as Alert['kind'],
    });
    const pub = publisher('pagerduty', {
      context: () => ({ resolves: ['live-rtc:expiry:2026-10-09:7', 'live-rtc:expiry:2026-10-09:1'] }),
    });

    // Act
    await pub.publish(renewal);

    // Assess
    expect(resolvedKeys()).toEqual([
      ['resolve', 'live-rtc:expiry:2026-10-09:7'],
      ['resolve', 'live-rtc:expiry:2026-10-09:1'],
    ]);
  });

  it("lands a daily repeat on its episode's PagerDuty alert", async () => {
    // Act
    await publisher('pagerduty').publish(expiryAlert({ key: 'live-rtc:expiry:2026-10-09:1:repeat:2026-10-10' }));

    // Assess
    expect(resolvedKeys()).toEqual([['trigger', 'live-rtc:expiry:2026-10-09:1']]);
  });

  it('resolves given keys on demand, and does nothing for channels without incidents', async () => {
    // Act
    await publisher('pagerduty').resolve(['live-rtc:expiry:2026-10-09:7']);
    await publisher('slack').resolve(['live-rtc:expiry:2026-10-09:7']);

    // Assess
    expect(resolvedKeys()).toEqual([['resolve', 'live-rtc:expiry:2026-10-09:7']]);
    expect(env.receivers.received('slack')).toEqual([]);
  });
});
