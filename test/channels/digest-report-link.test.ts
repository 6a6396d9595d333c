/**
 * A digest carries "Full report: <link>" (完整报告 in zh-CN) where other alerts carry the acknowledge
 * link, and never an acknowledge link: it has nothing to acknowledge. Other alerts never get the report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ACK_URL, ALL_TYPES, channelOf, expiryAlert } from './channel-fixtures';
import { FORMAT } from './channel-formats';
import { alertContextFromConfig } from '../../lambda/delivery';
import { formatEmail, formatSlack } from '../../lambda/channels/formatters';
import { LANGUAGES, type Alert, type Language } from '../../lambda/core/model';
import { guardConfig } from '../app/cycle-fixtures';

const GOLDEN = path.join(__dirname, 'golden-digest');
// Regenerate after an intended change with UPDATE_GOLDEN=1, then review the diff like code.
const UPDATE = process.env.UPDATE_GOLDEN === '1';
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
  it.each(ALL_TYPES)('carries the report link for %s exactly as its golden file', (type) => {
    // Prepare
    const file = path.join(GOLDEN, `${type}.${language}.json`);

    // Act
    const payload = FORMAT[type]({ alert: digest(), channel: channelOf(type), language, reportUrl: REPORT_URL });

    // Assess
    const text = `${JSON.stringify(payload, null, 2)}\n`;
    if (UPDATE) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
    expect(text).toContain(REPORT_URL);
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
    expect(context(expiryAlert())).toEqual({ serviceName: 'Live app RTC', ackUrl: ACK_URL });
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
