/** A path of the props' config document, named the way the user wrote the prop. */
import { propPath } from '../../src/private/prop-paths';

const overrides = {
  services: [{ id: 'live-rtc' }],
  accounts: [{ id: 'agora-main' }],
  channels: [{ id: 'team-chat', options: { atMobiles: ['1'] } }],
};

describe('prop paths', () => {
  it('names a list entry by its prop and its id, with the prop key of the id', () => {
    expect(propPath('services[0].expiresOn', overrides)).toBe('props.services[0] (serviceId "live-rtc").expiresOn');
    expect(propPath('accounts[0].balance.minAmount', overrides)).toBe(
      'props.accounts[0] (accountId "agora-main").balance.minAmount',
    );
    expect(propPath('services[0].id', overrides)).toBe('props.services[0].serviceId');
    expect(propPath('channels[0].id', overrides)).toBe('props.channels[0].channelId');
  });

  it('names a channel option by the factory prop, which sits next to channelId', () => {
    expect(propPath('channels[0].options.atMobiles[0]', overrides)).toBe(
      'props.channels[0] (channelId "team-chat").atMobiles[0]',
    );
  });

  it('leaves the id out when the entry has none to show', () => {
    expect(propPath('services[3].owners', overrides)).toBe('props.services[3].owners');
  });

  it('names settings whose prop differs from the document key by the prop', () => {
    expect(propPath('quietHours.from', overrides)).toBe('props.quietHours.fromTime');
    expect(propPath('quietHours.to', overrides)).toBe('props.quietHours.to');
    expect(propPath('calendar.base', overrides)).toBe('props.calendar');
    expect(propPath('calendar.holidays[1]', overrides)).toBe('props.calendarDays.holidays[1]');
    expect(propPath('ownerEmail.from', overrides)).toBe('props.ownerEmail.fromAddress');
    expect(propPath('ownerEmail.fromAddress', overrides)).toBe('props.ownerEmail.fromAddress');
    expect(propPath('timeZone', overrides)).toBe('props.timeZone');
  });
});
