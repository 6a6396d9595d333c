/** The report lists what the vendors reported that no service claims (issue 16, point 2). */
import { loadGuardConfig } from '../../lambda/app/load-config';
import { buildReportData } from '../../lambda/report/report-data';
import { renderReport } from '../../lambda/report/report-page';

function config() {
  const result = loadGuardConfig({
    document: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      calendar: 'weekends',
      accounts: [{ id: 'ali', vendor: 'alibaba', credentials: 'rg/ali' }],
      services: [
        {
          id: 'live',
          name: 'Live',
          project: 'live',
          account: 'ali',
          kind: 'subscription',
          expiresOn: '2026-12-01',
          owners: ['a@example.com'],
          entitlement: 'rtc-1',
        },
      ],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

describe('the report', () => {
  const guard = config();
  const accountFacts = new Map([
    [
      'ali',
      {
        state: {
          accountId: 'ali',
          consecutiveFailures: 0,
          history: [],
          entitlements: [
            { id: 'rtc-1', name: 'rtc rtc-1', expiresOn: '2026-12-01' },
            { id: 'rtc-<2>', name: 'rtc <forgotten>', expiresOn: '2027-01-15' },
          ],
        },
      },
    ],
  ]);

  it('lists each reported entitlement no service claims, escaped, in the reader’s language', () => {
    const data = buildReportData({
      config: guard,
      services: guard.services,
      now: new Date('2026-10-01T01:30:00Z'),
      accountFacts,
    });

    expect(data.notInInventory!.map((u) => u.entitlement.id)).toEqual(['rtc-<2>']);
    const html = renderReport(data);
    expect(html).toContain('<section id="not-in-inventory"><div class="section-head"><h2>Not in the inventory</h2>');
    expect(html).toContain(
      '<tr><td>ali</td><td>rtc &lt;forgotten&gt;</td><td>rtc-&lt;2&gt;</td><td>2027-01-15</td></tr>',
    );
    expect(renderReport(data, 'zh-CN')).toContain('<h2>未纳入清单</h2>');
  });

  it('has no such section when everything reported is claimed', () => {
    const data = buildReportData({ config: guard, services: guard.services, now: new Date('2026-10-01T01:30:00Z') });

    expect(data.notInInventory).toEqual([]);
    expect(renderReport(data)).not.toContain('not-in-inventory');
  });
});
