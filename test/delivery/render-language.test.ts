/**
 * Every text a person reads is in the channel's language: the channel's own `language`, else the
 * document's. The words of an expiry fit the service's kind.
 */
import { SERVICE_KINDS, type ServiceKind } from '../../lambda/core/model';
import { render } from '../../lambda/delivery/render';
import { channelOf, expiryAlert } from '../channels/channel-fixtures';

const KIND_WORDS: Partial<Record<ServiceKind, [string, string]>> = {
  subscription: ['Renew the subscription before 2026-10-09.', '请在 2026-10-09 之前续订。'],
  contract: ['Renew or renegotiate the contract before 2026-10-09.', '请在 2026-10-09 之前续签或重新商定合同。'],
  package: [
    'Buy a new package, or confirm the plan with the vendor, before 2026-10-09.',
    '请在 2026-10-09 之前购买新的资源包，或与供应商确认套餐。',
  ],
  'sdk-support': [
    'Upgrade the SDK, or extend its support, before 2026-10-09.',
    '请在 2026-10-09 之前升级 SDK，或延长其支持期。',
  ],
  prepaid: ['Top up the account before 2026-10-09.', '请在 2026-10-09 之前为账号充值。'],
  postpaid: ['Pay the bill before 2026-10-09.', '请在 2026-10-09 之前支付账单。'],
};

describe('the words of an expiry', () => {
  it.each(Object.keys(KIND_WORDS) as ServiceKind[])('fit a %s, in English and in Chinese', (kind) => {
    // Act
    const [en] = render(expiryAlert(), channelOf('email'), 'en', { serviceName: 'Live app RTC', serviceKind: kind });
    const [zh] = render(expiryAlert(), channelOf('email'), 'zh-CN', { serviceName: 'Live app RTC', serviceKind: kind });

    // Assess
    expect(en!.text).toContain(`What to do: ${KIND_WORDS[kind]![0]}`);
    expect(zh!.text).toContain(`处理建议：${KIND_WORDS[kind]![1]}`);
  });

  it.each(SERVICE_KINDS)('have words of their own for every kind, %s included, in both languages', (kind) => {
    // Act
    const action = (language: 'en' | 'zh-CN', serviceKind?: ServiceKind) =>
      render(expiryAlert(), channelOf('email'), language, { serviceKind })[0]!
        .text.split('\n')
        .find((l) => /What to do|处理建议/.test(l));

    // Assess: not the generic words a service of unknown kind gets
    expect(action('en', kind)).not.toBe(action('en'));
    expect(action('zh-CN', kind)).not.toBe(action('zh-CN'));
  });

  it('speak of support ending, not of an expiry, for an SDK support window', () => {
    const [en] = render(expiryAlert(), channelOf('sms'), 'en', {
      serviceName: 'Classroom SDK',
      serviceKind: 'sdk-support',
    });
    const [zh] = render(expiryAlert(), channelOf('sms'), 'zh-CN', {
      serviceName: '课堂 SDK',
      serviceKind: 'sdk-support',
    });

    expect(en).toContain('Support for Classroom SDK ends in 9 days');
    expect(zh).toContain('课堂 SDK 的支持将于 9 天后结束');
  });

  it('stay generic when the kind is unknown (an alert of a service no longer declared)', () => {
    const [en] = render(expiryAlert(), channelOf('email'), 'en');

    expect(en!.text).toContain('What to do: Renew it, or confirm the plan with the vendor, before 2026-10-09.');
  });
});

describe('a channel language', () => {
  it.each(['dingtalk', 'slack', 'email', 'sms'] as const)('wins over the document language on %s', (type) => {
    // Act: a Chinese document, one English channel of each type
    const [english] = render(expiryAlert(), channelOf(type, { language: 'en' }), 'zh-CN', {
      serviceName: 'Live app RTC',
    });
    const [chinese] = render(expiryAlert(), channelOf(type), 'zh-CN', { serviceName: 'Live app RTC' });

    // Assess
    expect(JSON.stringify(english)).toContain('expires in 9 days');
    expect(JSON.stringify(english)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(chinese)).toContain('将于 9 天后到期');
  });

  it('names the webhook body and the event their language', () => {
    const [body] = render(expiryAlert(), channelOf('webhook', { language: 'en' }), 'zh-CN');

    expect(body!.language).toBe('en');
  });
});
