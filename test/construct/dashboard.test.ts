import { RenewalGuard, ServiceDeclaration, ServiceKind } from '../../src';
import { fixture, synthGuard, SynthesizedGuard } from './support/guard-stack';

interface Widget {
  readonly type: string;
  readonly width: number;
  readonly height: number;
  readonly properties: {
    readonly title?: string;
    readonly markdown?: string;
    readonly metrics?: unknown[][];
    readonly alarms?: unknown[];
  };
}

/** A dashboard body as the console reads it, with tokens resolved to readable placeholders. */
function parseBody(dashboard: { Properties: { DashboardBody: { 'Fn::Join': [string, unknown[]] } } }): {
  start: string;
  widgets: Widget[];
} {
  const parts = dashboard.Properties.DashboardBody['Fn::Join'][1];
  const text = parts.map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/"/g, "'")}>`));
  return JSON.parse(text.join(''));
}

function dashboardBody(synth: SynthesizedGuard): { start: string; widgets: Widget[] } {
  const dashboards = Object.values(synth.template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  return parseBody(dashboards[0] as Parameters<typeof parseBody>[0]);
}

function widget(widgets: Widget[], title: string): Widget {
  const found = widgets.find((w) => w.properties.title === title);
  if (!found) throw new Error(`no widget titled ${title}: ${widgets.map((w) => w.properties.title).join(', ')}`);
  return found;
}

/** The expression of a single-expression graph. */
function expression(w: Widget): string {
  return (w.properties.metrics![0][0] as { expression: string }).expression;
}

function services(count: number): ServiceDeclaration[] {
  return Array.from({ length: count }, (_, i) => ({
    serviceId: `svc-${i}`,
    name: `Service ${i}`,
    project: 'p',
    kind: ServiceKind.SUBSCRIPTION,
    expiresOn: '2026-10-09',
    owners: ['o@example.com'],
  }));
}

describe('the dashboard', () => {
  let synth: SynthesizedGuard;
  let widgets: Widget[];
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('guard.yaml') });
    widgets = dashboardBody(synth).widgets;
  });

  it('is named after the guard and exposed', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: synth.guard.guardName });
    expect(synth.guard.dashboard).toBeDefined();
  });

  it('opens on the last 30 days, since the guard reports once a day', () => {
    expect(dashboardBody(synth).start).toBe('-P30D');
  });

  it('graphs only metrics published without detailedMetrics: no SEARCH, no per-service or per-account series', () => {
    const body = JSON.stringify(widgets);

    expect(body).not.toContain('SEARCH');
    for (const name of ['DaysToExpiry', 'RunwayDays', 'Balance', 'SpendPerDay', 'ServiceId', 'AccountId']) {
      expect(body).not.toContain(`"${name}"`);
    }
    expect(widgets[0].properties.markdown).toContain('per-service and per-account graphs need detailedMetrics: true');
  });

  it.each([
    ['Nearest expiry, any service (days)', 'MinDaysToExpiry'],
    ['Shortest runway, any account (days)', 'MinRunwayDays'],
  ])('graphs %s, the daily minimum of %s', (title, metricName) => {
    expect(widget(widgets, title).properties.metrics).toEqual([
      ['RenewalGuard', metricName, 'Guard', synth.guard.guardName, { period: 86400, stat: 'Minimum' }],
    ]);
  });

  it('shows completed checks, accounts not polled and failed deliveries per day', () => {
    const sum = (metricName: string) => [
      'RenewalGuard',
      metricName,
      'Guard',
      synth.guard.guardName,
      { period: 86400, stat: 'Sum' },
    ];

    expect(widget(widgets, 'Completed daily checks').properties.metrics).toEqual([sum('CycleCompleted')]);
    expect(widget(widgets, 'Accounts not polled, deliveries failed').properties.metrics).toEqual([
      sum('PollFailures'),
      sum('DeliveryFailures'),
    ]);
  });

  it('stacks the alerts sent per day by severity', () => {
    const w = widget(widgets, 'Alerts sent by severity') as Widget & { properties: { stacked?: boolean } };

    expect(w.properties.stacked).toBe(true);
    expect(w.properties.metrics).toEqual(
      ['info', 'warning', 'critical', 'emergency'].map((severity) => [
        'RenewalGuard',
        'AlertsSent',
        'Guard',
        synth.guard.guardName,
        'Severity',
        severity,
        { label: severity, period: 86400, stat: 'Sum' },
      ]),
    );
  });

  it("shows the poller's invocations, errors and duration, and the dead-letter queue", () => {
    const metricNames = (title: string) => widget(widgets, title).properties.metrics!.map((m) => m[1]);

    expect(metricNames('Poller invocations and errors')).toEqual(['Invocations', 'Errors']);
    expect(metricNames('Poller duration')).toEqual(['Duration']);
    expect(metricNames('Dead-lettered daily checks')).toEqual(['ApproximateNumberOfMessagesVisible']);
  });

  it('shows the state of the four default alarms', () => {
    const status = widgets.find((w) => w.type === 'alarm');

    expect(status?.properties.alarms).toHaveLength(4);
  });

  it('is laid out in rows of the full dashboard width', () => {
    const totalWidth = widgets.reduce((sum, w) => sum + w.width, 0);

    expect(totalWidth % 24).toBe(0);
    expect(widgets.every((w) => w.width > 0 && w.height > 0)).toBe(true);
  });
});

describe('the dashboard with detailedMetrics', () => {
  let synth: SynthesizedGuard;
  let widgets: Widget[];
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('guard.yaml'), detailedMetrics: true });
    widgets = dashboardBody(synth).widgets;
  });

  it('graphs days to expiry per service with one SEARCH for this guard, the daily minimum', () => {
    const w = widget(widgets, 'Days to expiry per service');

    expect(expression(w)).toBe(
      `SEARCH('{RenewalGuard,Guard,ServiceId} MetricName="DaysToExpiry" Guard="${synth.guard.guardName}"', 'Minimum', 86400)`,
    );
    expect(w.properties.metrics).toHaveLength(1);
  });

  it.each([
    ['Runway per account (days)', 'RunwayDays', 'Minimum'],
    ["Balance per account (in the account's currency)", 'Balance', 'Minimum'],
    ['Spend per day per account', 'SpendPerDay', 'Average'],
  ])('graphs %s with one SEARCH over the accounts of this guard', (title, metricName, statistic) => {
    expect(expression(widget(widgets, title))).toBe(
      `SEARCH('{RenewalGuard,Guard,AccountId} MetricName="${metricName}" Guard="${synth.guard.guardName}"', '${statistic}', 86400)`,
    );
  });

  it('labels each searched line with its service or account id', () => {
    const label = (title: string) => (widget(widgets, title).properties.metrics![0][0] as { label: string }).label;

    expect(label('Days to expiry per service')).toBe("${PROP('Dim.ServiceId')}");
    expect(label('Runway per account (days)')).toBe("${PROP('Dim.AccountId')}");
  });

  it('keeps the guard-level graphs, and says what the per-service graphs show', () => {
    expect(widget(widgets, 'Nearest expiry, any service (days)')).toBeDefined();
    expect(widget(widgets, 'Alerts sent by severity')).toBeDefined();
    expect(widgets[0].properties.markdown).toContain('Days to expiry are published for services within');
    expect(widgets.reduce((sum, w) => sum + w.width, 0) % 24).toBe(0);
  });
});

describe('dashboard options and scale', () => {
  it.each([false, true])('has the same widgets for 2 and for 100 services (detailedMetrics %p)', (detailedMetrics) => {
    const shape = (count: number) =>
      dashboardBody(synthGuard({ services: services(count), detailedMetrics })).widgets.map((w) => [
        w.type,
        w.properties.title,
      ]);

    expect(shape(100)).toEqual(shape(2));
  });

  it('keeps the service ids out of the dashboard: the SEARCH finds them', () => {
    const synth = synthGuard({ services: services(5), detailedMetrics: true });

    expect(JSON.stringify(synth.template.findResources('AWS::CloudWatch::Dashboard'))).not.toContain('svc-4');
  });

  it('shows no alarm status when the alarms are disabled', () => {
    const widgets = dashboardBody(synthGuard({ alarmsEnabled: false })).widgets;

    expect(widgets.map((w) => w.type)).not.toContain('alarm');
  });

  it('creates no dashboard with dashboardEnabled false', () => {
    const synth = synthGuard({ dashboardEnabled: false });

    synth.template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(synth.guard.dashboard).toBeUndefined();
  });

  it('gives two guards in one stack dashboards and SEARCH filters of their own', () => {
    const synth = synthGuard(
      { detailedMetrics: true },
      { beforeSynth: (stack) => void new RenewalGuard(stack, 'Second', { detailedMetrics: true }) },
    );
    const dashboards = Object.values(synth.template.findResources('AWS::CloudWatch::Dashboard'));
    const [first, second] = dashboards.map((d) => ({
      name: d.Properties.DashboardName as string,
      search: expression(widget(parseBody(d as Parameters<typeof parseBody>[0]).widgets, 'Days to expiry per service')),
    }));

    expect(dashboards).toHaveLength(2);
    expect(first.name).not.toBe(second.name);
    expect(first.search).toContain(`Guard="${first.name}"`);
    expect(second.search).toContain(`Guard="${second.name}"`);
  });
});

describe('the dashboard of a guard with a notifier', () => {
  it("shows the notifier's invocations, errors, throttles and duration, and its dead-letter queue, in a row", () => {
    const synth = synthGuard({ configFile: fixture('dingtalk.yaml') });
    const widgets = dashboardBody(synth).widgets;
    const metricNames = (title: string) => widget(widgets, title).properties.metrics!.map((m) => m[1]);

    expect(metricNames('Notifier invocations, errors and throttles')).toEqual(['Invocations', 'Errors', 'Throttles']);
    expect(metricNames('Notifier duration')).toEqual(['Duration']);
    expect(metricNames('Undelivered alerts (notifier dead-letter queue)')).toEqual([
      'ApproximateNumberOfMessagesVisible',
    ]);
    expect(widgets.find((w) => w.type === 'alarm')?.properties.alarms).toHaveLength(6);
    expect(widgets.reduce((sum, w) => sum + w.width, 0) % 24).toBe(0);
  });

  it('has no notifier row without a notifier', () => {
    const titles = dashboardBody(synthGuard()).widgets.map((w) => w.properties.title ?? '');

    expect(titles.filter((t) => t.startsWith('Notifier'))).toEqual([]);
  });
});
