/**
 * The report page speaks the document's language: with `language: zh-CN` every word the page draws is
 * Chinese (names, ids, dates and amounts stay as they are), and English stays the default.
 */
import { sampleReport } from './report-fixtures';
import { renderReport } from '../../lambda/report';

/** The words the page itself writes: its markup's text, without the user's names and ids. */
function pageWords(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

const ENGLISH_UI =
  /Renewal report|Generated|Time zone|Working-day calendar|services ·|expire within|within 30 days|Renewal timeline|by project|reminder tier|Account runway|a day\b|runway\b|runs out|All services|Most urgent|Expires on|Days left|Owners|Criticality|auto-renews|reminding|no expiry date|expired \d|Today|today\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|self-contained|postpaid|prepaid|standard|experimental|\bcore\b/;

describe('the report page in zh-CN', () => {
  it('is marked Chinese and draws its headings, tiles, table and charts in Chinese', () => {
    // Act
    const html = renderReport(sampleReport(), 'zh-CN');

    // Assess
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>续费报告 2026-09-30</title>');
    for (const words of ['续费时间线', '全部服务', '最紧急的在前', '7 天内到期', '提醒档位', '到期日', '负责人']) {
      expect(html).toContain(words);
    }
    expect(html).toMatch(/\d+月\d+日/);
  });

  it('writes no English word of its own', () => {
    // Prepare: the sample's own names and ids are data, not the page's words
    const data = sampleReport();
    const names = [
      ...data.services.flatMap((s) => [s.name, s.id, s.project, ...s.owners]),
      ...data.accounts.map((a) => a.id),
    ];

    // Act
    let words = pageWords(renderReport(data, 'zh-CN'));
    for (const name of names) words = words.split(name).join(' ');

    // Assess
    expect(words).not.toMatch(ENGLISH_UI);
  });

  it('stays English by default, word for word as before', () => {
    expect(renderReport(sampleReport())).toBe(renderReport(sampleReport(), 'en'));
    expect(pageWords(renderReport(sampleReport()))).toMatch(/Renewal timeline/);
  });
});
