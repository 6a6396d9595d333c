import { alertKeySubject } from '../../../lambda/core/ack';
import type { AccountConfig } from '../../../lambda/core/model';
import { sampleService } from '../../support/model-fixtures';

const ACCOUNT: AccountConfig = { id: 'agora-main', vendor: 'agora', options: {} };
const CONFIG = { services: [sampleService()], accounts: [ACCOUNT] };

describe('what an alert key is about', () => {
  it('reads the service, the expiry date and the tier of an expiry key', () => {
    expect(alertKeySubject('live-rtc:expiry:2026-10-09:7', CONFIG)).toEqual({
      key: 'live-rtc:expiry:2026-10-09:7',
      kind: 'expiry',
      service: sampleService(),
      expiresOn: '2026-10-09',
      tier: 7,
    });
  });

  it('reads the account of an account alert', () => {
    expect(alertKeySubject('agora-main:balance:2026-09-28:warning', CONFIG)).toEqual({
      key: 'agora-main:balance:2026-09-28:warning',
      kind: 'balance',
      account: ACCOUNT,
    });
  });

  it('names neither for a key about nothing the config declares', () => {
    expect(alertKeySubject('retired-svc:expiry:2026-10-09:7', CONFIG)).toEqual({
      key: 'retired-svc:expiry:2026-10-09:7',
      kind: 'expiry',
      expiresOn: '2026-10-09',
      tier: 7,
    });
    expect(alertKeySubject('nonsense', CONFIG)).toEqual({ key: 'nonsense' });
  });

  it('does not read an impossible date as an expiry', () => {
    expect(alertKeySubject('live-rtc:expiry:2026-02-30:7', CONFIG)).toEqual({
      key: 'live-rtc:expiry:2026-02-30:7',
      kind: 'expiry',
      service: sampleService(),
    });
  });
});
