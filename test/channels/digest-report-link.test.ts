/**
 * A digest carries "Full report: <link>" (完整报告 in zh-CN) where other alerts carry the acknowledge
 * link, and never an acknowledge link: it has nothing to acknowledge. Other alerts never get the report.
 */
import { ACK_URL, ALL_TYPES, channelOf, expiryAlert } from './channel-fixtures';
import { FORMAT } from './channel-formats';
import { formatEmail, formatSlack } from '../../lambda/channels/formatters';
import { LANGUAGES, type Alert, type Language } from '../../lambda/core/model';
import { alertContextFromConfig } from '../../lambda/delivery';
import { guardConfig } from '../app/cycle-fixtures';

const REPORT_URL = 'https://abc123.lambda-url.ap-east-1.on.aws/report?t=eyJ2IjoxfQ.c2lnbmF0dXJl';

function digest(): Alert {
  return {
    key: '_guard:digest:2026-09-28',
    kind: 'digest' as Alert['kind'],
    severity: 'info',
    date: '2026-09-28',
    owners: [],
    channels: [...ALL_TYPES],
    message: 'Expiring within 30 days:\n- Live app RTC (live-app): 2026-10-09, 11 days\nLow balances: none',
  };
}

describe.each(LANGUAGES)('a digest in %s', (language: Language) => {
  // the whole messages, as production sends them, are golden-digest/ (golden-production.test.ts)
  it.each(ALL_TYPES)('carries the report link for %s', (type) => {
    // Act
    const payload = FORMAT[type]({ alert: digest(), channel: channelOf(type), language, reportUrl: REPORT_URL });

    // Assess
    expect(JSON.stringify(payload)).toContain(REPORT_URL);
  });
});

describe('the report link', () => {
  it('reads "Full report: <link>" in an English mail and "完整报告：<link>" in a Chinese one', () => {
    const mail = (language: Language) =>
      formatEmail({ alert: digest(), channel: channelOf('email'), language, reportUrl: REPORT_URL }).text;

    expect(mail('en')).toContain(`\nFull report: ${REPORT_URL}\n`);
    expect(mail('zh-CN')).toContain(`\n完整报告：${REPORT_URL}\n`);
  });

  it('goes to digests only, and a digest gets no acknowledge link', () => {
    // Prepare
    const context = alertContextFromConfig(
      guardConfig(),
      () => ACK_URL,
      () => REPORT_URL,
    );

    // Act / Assess
    expect(context(digest())).toEqual({ reportUrl: REPORT_URL });
    expect(context(expiryAlert())).toEqual({
      serviceName: 'Live app RTC',
      serviceKind: 'subscription',
      ackUrl: ACK_URL,
    });
  });

  it('is not drawn on other alerts even when handed one, nor an acknowledge link on a digest', () => {
    for (const type of ALL_TYPES) {
      const other = JSON.stringify(
        FORMAT[type]({ alert: expiryAlert(), channel: channelOf(type), language: 'en', reportUrl: REPORT_URL }),
      );
      const digestWithAck = JSON.stringify(
        FORMAT[type]({ alert: digest(), channel: channelOf(type), language: 'en', ackUrl: ACK_URL }),
      );
      expect([type, other.includes(REPORT_URL), other.includes('Full report')]).toEqual([type, false, false]);
      expect([type, digestWithAck.includes(ACK_URL)]).toEqual([type, false]);
    }
  });

  it('names the Slack button for what it does', () => {
    const slack = formatSlack({ alert: digest(), channel: channelOf('slack'), language: 'en', reportUrl: REPORT_URL });

    expect(JSON.stringify(slack)).toContain('"action_id":"open-report"');
  });
});
