/**
 * renewUrl and runbook (issue 16, point 5): validated as links a person opens from a chat message, and
 * carried by every alert about the service into every channel's message.
 */
import { loadGuardConfig } from '../../lambda/app/load-config';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { buildAlertView } from '../../lambda/channels/messages/alert-view';
import type { GuardConfig } from '../../lambda/core/model';
import { defaultVendorAdapters } from '../../lambda/vendors';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

jest.setTimeout(60_000);

const SERVICE = {
  id: 'live-rtc',
  name: 'Live app RTC',
  project: 'live-app',
  kind: 'subscription',
  expiresOn: '2026-10-09',
  owners: ['alice@example.com'],
  renewUrl: 'https://console.agora.io/billing?plan=live',
  runbook: 'https://wiki.example.com/runbooks/live-rtc',
};

function guard(service: Record<string, unknown> = SERVICE) {
  return loadGuardConfig({
    document: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      calendar: 'weekends',
      services: [service],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
  });
}

describe('renewUrl and runbook', () => {
  it('are refused unless they are plain http(s) links without credentials, naming the path', () => {
    const problems = (renewUrl: unknown) => {
      const r = guard({ ...SERVICE, renewUrl });
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };

    expect(problems('javascript:alert(1)')).toEqual([
      'services[0].renewUrl: "javascript:" links are not opened from messages; give an https:// (or http://) URL',
    ]);
    expect(problems('https://ops:hunter2@console.example.com/')).toEqual([
      'services[0].renewUrl: holds a user name or password; messages are read by many, so link without credentials',
    ]);
    expect(problems('console.example.com/renew')).toEqual([
      'services[0].renewUrl: "console.example.com/renew" is not an absolute URL; e.g. https://console.example.com/renew',
    ]);
    expect(problems('https://example.com/续费')).toEqual([
      'services[0].renewUrl: only printable ASCII without spaces; percent-encode anything else (a URL as the browser copies it)',
    ]);
    expect(problems(42)).toEqual([
      'services[0].renewUrl: expected a URL, e.g. https://console.example.com/renew, got 42',
    ]);
  });

  describe('in a cycle', () => {
    let dynamo: LocalDynamo;
    beforeAll(async () => (dynamo = await startDynalite()));
    afterAll(() => dynamo.stop());

    it('ride on every alert about the service, and every message shows them', async () => {
      const result = guard();
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const config: GuardConfig = result.config;
      const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
      await registry.syncDeclaredServices(config.services, '2026-09-01T00:00:00Z');

      const report = await runCycle(
        config,
        {
          registry,
          vendors: defaultVendorAdapters(),
          secrets: { resolve: async () => ({}) },
          http: {} as never,
          publishers: [],
        },
        new Date('2026-09-30T01:30:00Z'),
        'c1',
      );

      const alert = report.alerts.find((a) => a.serviceId === 'live-rtc')!;
      expect(alert).toMatchObject({ kind: 'expiry', renewUrl: SERVICE.renewUrl, runbook: SERVICE.runbook });
      const channel = config.channels[0]!;
      for (const language of ['en', 'zh-CN'] as const) {
        const view = buildAlertView({ alert, channel, language, serviceName: 'Live app RTC' }, (t) => t);
        expect(view.facts.filter((f) => f.value.startsWith('https://')).map((f) => f.value)).toEqual([
          SERVICE.renewUrl,
          SERVICE.runbook,
        ]);
      }
      expect(
        buildAlertView({ alert, channel, language: 'en' }, (t) => t).facts.find((f) => f.label === 'Renew at')?.value,
      ).toBe(SERVICE.renewUrl);
    });
  });
});
