/**
 * The real SNS and EventBridge publishers over SDK clients that answer locally: each `send` is counted
 * (with its payload size, which both services bill in 64 KB chunks) and succeeds at once. Nothing leaves
 * the machine, and the count is of SDK calls, not of `publish()` calls.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import { EventBusPublisher } from '../../lambda/aws/event-bus-publisher';
import { SnsAlertPublisher } from '../../lambda/aws/sns-alert-publisher';

export interface PublishUsage {
  readonly snsPublishes: number;
  readonly snsBytes: number;
  /** The largest single SNS publish (its whole request: message, subject, attributes), against 256 KB. */
  readonly snsLargestBytes: number;
  readonly eventBridgeCalls: number;
  readonly eventBridgeEntries: number;
  readonly eventBridgeBytes: number;
  /** The largest single EventBridge entry, against PutEvents' 256 KB. */
  readonly eventBridgeLargestEntryBytes: number;
}

const LOCAL = { region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } };

export class PublishMeter {
  private usageSoFar: PublishUsage = empty();

  publishers() {
    const sns = new SNSClient(LOCAL);
    const events = new EventBridgeClient(LOCAL);
    const meter = this;
    (sns as unknown as { send: (c: { input: Record<string, unknown> }) => Promise<unknown> }).send = async (c) => {
      const bytes = Buffer.byteLength(JSON.stringify(c.input));
      meter.add({ snsPublishes: 1, snsBytes: bytes, snsLargestBytes: bytes });
      return { MessageId: `bench-${meter.usageSoFar.snsPublishes}` };
    };
    (events as unknown as { send: (c: { input: { Entries?: unknown[] } }) => Promise<unknown> }).send = async (c) => {
      const entries = c.input.Entries ?? [];
      meter.add({
        eventBridgeCalls: 1,
        eventBridgeEntries: entries.length,
        eventBridgeBytes: Buffer.byteLength(JSON.stringify(entries)),
        eventBridgeLargestEntryBytes: Math.max(0, ...entries.map((e) => Buffer.byteLength(JSON.stringify(e)))),
      });
      return { FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `bench-${i}` })) };
    };
    return [
      new SnsAlertPublisher({ topicArn: 'arn:aws:sns:us-east-1:111111111111:bench', client: sns }),
      new EventBusPublisher({ eventBusName: 'bench', client: events }),
    ];
  }

  reset(): void {
    this.usageSoFar = empty();
  }

  usage(): PublishUsage {
    return this.usageSoFar;
  }

  private add(delta: Partial<PublishUsage>): void {
    const u = this.usageSoFar;
    this.usageSoFar = {
      snsPublishes: u.snsPublishes + (delta.snsPublishes ?? 0),
      snsBytes: u.snsBytes + (delta.snsBytes ?? 0),
      snsLargestBytes: Math.max(u.snsLargestBytes, delta.snsLargestBytes ?? 0),
      eventBridgeCalls: u.eventBridgeCalls + (delta.eventBridgeCalls ?? 0),
      eventBridgeEntries: u.eventBridgeEntries + (delta.eventBridgeEntries ?? 0),
      eventBridgeBytes: u.eventBridgeBytes + (delta.eventBridgeBytes ?? 0),
      eventBridgeLargestEntryBytes: Math.max(u.eventBridgeLargestEntryBytes, delta.eventBridgeLargestEntryBytes ?? 0),
    };
  }
}

function empty(): PublishUsage {
  return {
    snsPublishes: 0,
    snsBytes: 0,
    snsLargestBytes: 0,
    eventBridgeCalls: 0,
    eventBridgeEntries: 0,
    eventBridgeBytes: 0,
    eventBridgeLargestEntryBytes: 0,
  };
}
