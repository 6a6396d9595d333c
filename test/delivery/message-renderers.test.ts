/**
 * The poller renders email, SMS and webhook payloads through message-renderers.ts (so its bundle carries
 * no chat formatter); what it sends must be what the one renderer gives those channels, digests included.
 */
import { bigDigest, REPORT_URL } from './digest-fixtures';
import { ALERT_KINDS, LANGUAGES, type Alert } from '../../lambda/core/model';
import { MESSAGE_RENDERERS, renderMessage, type MessageChannelType } from '../../lambda/delivery/message-renderers';
import { render } from '../../lambda/delivery/render';
import { ACK_URL, channelOf, expiryAlert } from '../channels/channel-fixtures';

const MESSAGE_TYPES = Object.keys(MESSAGE_RENDERERS) as MessageChannelType[];

describe('renderMessage', () => {
  it('covers email, SMS and webhook', () => {
    // Assess
    expect(MESSAGE_TYPES.sort()).toEqual(['email', 'sms', 'webhook']);
  });

  describe.each(MESSAGE_TYPES)('on %s', (type) => {
    it.each(LANGUAGES)('renders every alert kind as render does, in %s', (language) => {
      // Prepare
      const alerts: Alert[] = ALERT_KINDS.filter((k) => k !== 'digest').map((kind) =>
        expiryAlert({ kind, key: `live-rtc:${kind}:2026-10-09` }),
      );
      const context = { serviceName: 'Live app RTC', ackUrl: ACK_URL };

      for (const alert of alerts) {
        // Act
        const payloads = renderMessage(alert, channelOf(type), language, context);

        // Assess
        expect(payloads).toHaveLength(1);
        expect(payloads).toEqual(render(alert, channelOf(type), language, context));
      }
    });

    it('renders a large digest as render does (whole, never split)', () => {
      // Prepare
      const digest = bigDigest(
        { services: 400, projects: 12 },
        MESSAGE_TYPES.map((t) => channelOf(t)),
      );

      // Act
      const payloads = renderMessage(digest, channelOf(type), 'zh-CN', { reportUrl: REPORT_URL });

      // Assess
      expect(payloads).toHaveLength(1);
      expect(payloads).toEqual(render(digest, channelOf(type), 'zh-CN', { reportUrl: REPORT_URL }));
    });
  });
});
