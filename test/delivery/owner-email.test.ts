/**
 * Owners hear about their own services (issue 12, point 6): each owner address of a service gets its
 * alerts as one email of its own (text and HTML, in the owners' language, with the acknowledge link),
 * and each owner is a delivery target of the one pipeline: claimed, sent, retried and recorded apart.
 */
import { OWNED_SERVICES, OWNER_EMAIL_FROM } from './owner-email-fixtures';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { EmailSender, OutgoingEmail } from '../../lambda/core/delivery-port';
import { DeliveryError } from '../../lambda/core/errors';
import type { Alert } from '../../lambda/core/model';
import { OwnerEmailPublisher, ownerEmailPublishers, ownerTarget, publishersFor } from '../../lambda/delivery';
import { guardConfig, offlineDeps, RecordingPublisher } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const SEP_30 = new Date('2026-09-30T09:30:00+08:00');
const OCT_1 = new Date('2026-10-01T09:30:00+08:00');

/** Keeps what it sends; refuses `failing` addresses (retryable, as SES throttling is) while they fail. */
class FakeSes implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  constructor(private readonly failing = new Set<string>()) {}
  async send(email: OutgoingEmail): Promise<void> {
    if (this.failing.has(email.to)) throw new DeliveryError('TooManyRequestsException: slow down', { retryable: true });
    this.sent.push(email);
  }
  to(address: string): OutgoingEmail[] {
    return this.sent.filter((e) => e.to === address);
  }
}

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

async function setUp(overrides: Record<string, unknown>, failing?: Set<string>) {
  const config = guardConfig({ services: OWNED_SERVICES, ...overrides });
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(config.services, '2026-09-01T00:00:00Z');
  const ses = new FakeSes(failing);
  const ackUrl = (alert: Alert) => `https://links.example.com/ack?k=${encodeURIComponent(alert.key)}`;
  const sns = new RecordingPublisher('sns');
  const deps = offlineDeps(registry, [sns, ...ownerEmailPublishers(config, { sender: ses, ackUrl })]);
  return { config, registry, ses, sns, deps };
}

describe('owner email through the delivery pipeline', () => {
  it('emails each owner address of a service its alert, in the document language, with text, HTML and the acknowledge link', async () => {
    // Prepare
    const { config, ses, deps } = await setUp({ language: 'zh-CN', ownerEmail: { from: OWNER_EMAIL_FROM } });

    // Act
    const report = await runCycle(config, deps, SEP_30, 'cycle-1');

    // Assess: the expiry reminders (CN's October holidays may add a holiday-readiness notice, which owners
    // get too): one email per owner address, none to the owner written as a name
    const expiry = ses.sent.filter((e) => e.alertKey.includes(':expiry:'));
    expect(expiry.map((e) => [e.to, e.alertKey]).sort()).toEqual([
      ['alice@example.com', 'live-rtc:expiry:2026-10-09:7'],
      ['bob@example.com', 'voice-room:expiry:2026-10-20:15'],
      ['dave@example.com', 'live-rtc:expiry:2026-10-09:7'],
    ]);
    const alice = expiry.find((e) => e.to === 'alice@example.com')!;
    expect(alice.from).toBe(OWNER_EMAIL_FROM);
    expect(alice.subject).toContain('【严重】');
    expect(alice.text).toContain('Live app RTC');
    expect(alice.text).toContain('https://links.example.com/ack?k=live-rtc%3Aexpiry%3A2026-10-09%3A7');
    expect(alice.html).toContain('<html lang="zh-CN">');
    expect(alice.html).toContain('<a href="https://links.example.com/ack?k=live-rtc%3Aexpiry%3A2026-10-09%3A7">');
    expect(expiry.find((e) => e.to === 'bob@example.com')!.subject).toContain('语音房 TRTC package');
    expect(report.deliveries.filter((d) => d.status === 'failed')).toEqual([]);
    expect(
      report.deliveries
        .filter((d) => d.key.includes(':expiry:'))
        .map((d) => d.target)
        .sort(),
    ).toEqual(
      [
        'sns',
        'sns',
        ownerTarget('alice@example.com'),
        ownerTarget('dave@example.com'),
        ownerTarget('bob@example.com'),
      ].sort(),
    );
  });

  it('keeps an owner whose email failed owed in the outbox, and the next cycle emails that owner alone', async () => {
    // Prepare
    const failing = new Set(['dave@example.com']);
    const { config, registry, ses, sns, deps } = await setUp({ ownerEmail: { from: OWNER_EMAIL_FROM } }, failing);

    // Act
    const first = await runCycle(config, deps, SEP_30, 'cycle-1');
    const owed = await registry.listOutbox();
    failing.clear();
    await runCycle(config, deps, OCT_1, 'cycle-2');

    // Assess: the first cycle delivered everything but dave's emails and left exactly those owed
    const dave = ownerTarget('dave@example.com');
    const failed = first.deliveries.filter((d) => d.status === 'failed');
    expect(failed.map((d) => d.target)).toEqual(failed.map(() => dave));
    expect(failed.map((d) => d.key)).toContain('live-rtc:expiry:2026-10-09:7');
    expect(owed.map((e) => e.pendingTargets.filter((t) => !e.deliveredTargets.includes(t)))).toEqual(
      owed.map(() => [dave]),
    );
    // the retry sends dave what alice got, once each, and sends alice nothing again
    const aliceKeys = ses.to('alice@example.com').map((e) => e.alertKey);
    expect(new Set(aliceKeys).size).toBe(aliceKeys.length);
    expect(
      ses
        .to('dave@example.com')
        .map((e) => e.alertKey)
        .sort(),
    ).toEqual([...aliceKeys].sort());
    expect(sns.keys()).toEqual(
      expect.arrayContaining(['live-rtc:expiry:2026-10-09:7', 'voice-room:expiry:2026-10-20:15']),
    );
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('sends owners nothing when the document turns owner email off, or names no sender', async () => {
    for (const overrides of [{ ownerEmail: { from: OWNER_EMAIL_FROM, enabled: false } }, {}]) {
      // Prepare
      const { config, registry, ses, deps } = await setUp(overrides);

      // Act
      await runCycle(config, deps, SEP_30, 'cycle-1');

      // Assess
      expect(ses.sent).toEqual([]);
      expect((await registry.getAlert('live-rtc:expiry:2026-10-09:7'))?.deliveredTargets).toEqual(['sns']);
    }
  });
});

describe('which alerts an owner is owed', () => {
  const base: Alert = {
    key: 'live-rtc:expiry:2026-10-09:30',
    kind: 'expiry',
    severity: 'info',
    serviceId: 'live-rtc',
    date: '2026-09-09',
    owners: ['alice@example.com', 'ALICE@example.com', 'not an address'],
    channels: [],
    message: 'Live app RTC expires on 2026-10-09',
  };
  const publisher = (minSeverity: 'info' | 'critical') =>
    new OwnerEmailPublisher({
      ownerEmail: { enabled: true, from: OWNER_EMAIL_FROM, minSeverity },
      sender: new FakeSes(),
    });

  it('owes one target per distinct owner address (case-insensitive), none to names', () => {
    expect(publisher('info').targetsOf(base)).toEqual([ownerTarget('alice@example.com')]);
    expect(ownerTarget('alice@example.com')).toMatch(/^owner:[0-9a-f]{16}$/);
  });

  it('owes nothing below minSeverity, but always a resolving notice', () => {
    const renewal: Alert = { ...base, key: 'live-rtc:renewal-confirmed:2027-10-09', kind: 'renewal-confirmed' };
    expect(publisher('critical').targetsOf(base)).toEqual([]);
    expect(publisher('critical').targetsOf(renewal)).toEqual([ownerTarget('alice@example.com')]);
  });

  it('never owes the digest, which is for the operators', () => {
    expect(publisher('info').targetsOf({ ...base, key: 'digest:2026-W40', kind: 'digest' as Alert['kind'] })).toEqual(
      [],
    );
  });

  it('stands for one publisher per owner in the pipeline, each sending to its own owner only', async () => {
    const ses = new FakeSes();
    const two = { ...base, owners: ['alice@example.com', 'bob@example.com'] };
    const owners = new OwnerEmailPublisher({
      ownerEmail: { enabled: true, from: OWNER_EMAIL_FROM, minSeverity: 'info' },
      sender: ses,
    });

    const expanded = publishersFor(two, [new RecordingPublisher('sns'), owners]);
    await expanded[2]!.publish(two);

    expect(expanded.map((p) => p.target)).toEqual([
      'sns',
      ownerTarget('alice@example.com'),
      ownerTarget('bob@example.com'),
    ]);
    expect(ses.sent.map((e) => e.to)).toEqual(['bob@example.com']);
  });

  it('escapes markup an owner or a name carries in the HTML part: the only link is the acknowledge link', async () => {
    const ses = new FakeSes();
    const hostile: Alert = {
      ...base,
      owners: ['alice@example.com'],
      project: '<a href="https://evil.example.com/pay">Renew now</a>',
    };
    const owners = new OwnerEmailPublisher({
      ownerEmail: { enabled: true, from: OWNER_EMAIL_FROM, minSeverity: 'info' },
      sender: ses,
      context: () => ({ serviceName: '<img src=x onerror=alert(1)>', ackUrl: 'https://links.example.com/ack?k=1' }),
    });

    await owners.publish(hostile);

    const html = ses.sent[0]!.html;
    expect(html).not.toContain('<a href="https://evil');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});
