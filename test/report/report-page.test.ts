import { REPORT_NOW, sampleReport } from './report-fixtures';
import { buildReportData, renderReport, type ReportData } from '../../lambda/report';
import { guardConfig } from '../app/cycle-fixtures';

function withAccounts(data: ReportData, accounts: ReportData['accounts']): ReportData {
  return { ...data, accounts };
}

describe('the report page', () => {
  it('escapes a service name everywhere it appears, so markup in it stays text', () => {
    // Act
    const html = renderReport(sampleReport());

    // Assess
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    // the only elements are the page's own: no script, and nothing that loads a resource
    expect(html).not.toMatch(/<script|<img|<link|<iframe|<object|@import|url\(/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)=/i);
  });

  it('names when it was generated, the time zone and the calendar in its header', () => {
    // Act
    const html = renderReport(sampleReport());

    // Assess
    expect(html).toContain('<title>Renewal report 2026-09-30</title>');
    expect(html).toContain('Generated <b>2026-09-30 09:30</b> (UTC+08:00)');
    expect(html).toContain('Time zone <b>Asia/Shanghai</b>');
    expect(html).toContain('Working-day calendar <b>CN</b>');
  });

  it('lists every service in the table with its project, expiry, days left, owners, criticality and status', () => {
    // Act
    const html = renderReport(sampleReport());

    // Assess
    const rows = html
      .match(/<tbody>(.*)<\/tbody>/s)![1]!
      .split('</tr>')
      .filter((r) => r.includes('<td'));
    expect(rows).toHaveLength(8);
    const text = (row: string) => row.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');
    expect(text(rows[0]!)).toBe(
      '|edu|Classroom SDK support|edu-classroom|2026-09-25|expired 5 days ago|dan@example.com|core|expired|',
    );
    expect(text(rows[3]!)).toBe(
      '|语音社交|语音房 实时音视频|voice-room|2026-10-20|20 days|bob@example.com|standard|reminding · warning|',
    );
    expect(text(rows[7]!)).toBe(
      '|live-app|Cloud recording|live-recording|—|—|alice@example.com|standard|no expiry date|',
    );
  });

  it('draws the timeline with a row, an expiry dot and a days-left label per dated service', () => {
    // Act
    const html = renderReport(sampleReport());

    // Assess
    const timeline = html.match(/<svg class="timeline".*?<\/svg>/s)![0];
    expect(timeline.match(/<g class="row">/g)).toHaveLength(8);
    expect(timeline.match(/<circle /g)).toHaveLength(7);
    expect(timeline).toContain('>9 d</tspan>');
    expect(timeline).toContain('>\u22125 d</tspan>');
    expect(timeline).toContain('>Today 30 Sep</text>');
    expect(timeline).toContain('no expiry date (postpaid)');
  });

  it('draws a runway chart for an account with history, with its run-out day', () => {
    // Act
    const html = renderReport(sampleReport());

    // Assess
    expect(html.match(/<svg class="runway"/g)).toHaveLength(1);
    expect(html).toContain('runs out 18 Oct');
    expect(html).toContain('runway <b>18.7 days</b>, runs out <b>18 Oct 2026</b>');
  });

  it('shows the current status of an account without history instead of an empty chart', () => {
    // Act
    const html = renderReport(sampleReport());

    // Assess
    expect(html).toContain('The last poll failed: <b>AuthFailure.SignatureExpire: the request signature expired</b>.');
    expect(html).toContain('A manual account: its services carry their dates in the config');
  });

  it('shows a polled balance without history as a figure', () => {
    // Prepare
    const data = withAccounts(sampleReport(), [
      {
        id: 'agora-main',
        vendor: 'agora',
        currency: 'USD',
        serviceIds: [],
        current: { status: 'ok', balance: 1234.5, runwayDays: 20.6, asOf: '2026-09-30T01:30:00Z' },
      },
    ]);

    // Act
    const html = renderReport(data);

    // Assess
    expect(html).not.toContain('<svg class="runway"');
    expect(html).toContain('<span class="big">1,235 USD</span> · runway 20 days');
  });

  it('keeps the chart of an account whose latest poll failed, and says that it did', () => {
    // Prepare
    const [agora] = sampleReport().accounts;
    const data = withAccounts(sampleReport(), [{ ...agora!, current: { status: 'failed', error: 'HTTP 503' } }]);

    // Act
    const html = renderReport(data);

    // Assess
    expect(html).toContain('<svg class="runway"');
    expect(html).toContain('The last poll failed: <b>HTTP 503</b>; the chart ends at the last good reading.');
  });

  it('says so when no service is declared', () => {
    // Prepare
    const config = guardConfig({ services: [] });

    // Act
    const html = renderReport(buildReportData({ config, services: [], now: REPORT_NOW }));

    // Assess
    expect(html).toContain('<p class="empty">No services are declared.</p>');
    expect(html).not.toContain('<svg class="timeline"');
  });

  it('counts one service and one account in the singular in its header', () => {
    // Prepare: guardConfig declares one manual account; one service on it
    const config = guardConfig();
    const one = { ...config, services: config.services.slice(0, 1) };

    // Act
    const html = renderReport(buildReportData({ config: one, services: one.services, now: REPORT_NOW }));

    // Assess
    expect(html).toContain('<span>1 service · 1 account</span>');
  });

  it('renders the same bytes for the same data', () => {
    expect(renderReport(sampleReport())).toBe(renderReport(sampleReport()));
  });
});
