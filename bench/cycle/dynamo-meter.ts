/**
 * Counts what a cycle asks of DynamoDB: requests by command, and the request units they consume.
 *
 * The DocumentClient's `send` is wrapped on the instance the registry uses, so every request the registry
 * makes is seen and none is added. Each request asks for `ReturnConsumedCapacity: TOTAL`, which dynalite
 * answers with DynamoDB's rules for the table (1 WRU per started KB written, 0.5/1 RRU per started 4 KB
 * read). Two things dynalite does not report are added as estimates, and kept apart:
 * - a write to a ledger item also writes the sparse outbox index (1 WRU: the entry is well under 1 KB);
 * - a conditional write whose condition fails still consumes write units in DynamoDB (1 WRU here).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LEDGER_PARTITION_PREFIX } from '../../lambda/aws/registry/registry-items';
import { REGISTRY_PARTITION_KEY } from '../../src/shared/registry-schema';

export interface DynamoUsage {
  readonly requests: number;
  readonly byCommand: Readonly<Record<string, number>>;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Estimated, not reported by dynalite: outbox index writes of ledger items. */
  readonly indexWriteUnitsEstimated: number;
  /** Estimated: conditional writes refused (each still costs a write unit in DynamoDB). */
  readonly failedConditionalWrites: number;
}

const READS = new Set(['GetCommand', 'QueryCommand', 'ScanCommand', 'BatchGetCommand']);

interface Capacity {
  readonly CapacityUnits?: number;
}

export class DynamoMeter {
  private byCommand = new Map<string, number>();
  private readUnits = 0;
  private writeUnits = 0;
  private indexWrites = 0;
  private failedConditions = 0;

  /** Installs the meter on `client` (on the instance, not the prototype) and returns it. */
  install(client: DynamoDBDocumentClient): this {
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const meter = this;
    (client as unknown as { send: (command: unknown) => Promise<unknown> }).send = async (command: unknown) => {
      const { name, input } = describe(command);
      meter.byCommand.set(name, (meter.byCommand.get(name) ?? 0) + 1);
      input.ReturnConsumedCapacity = 'TOTAL';
      if (touchesLedger(name, input)) meter.indexWrites++;
      try {
        const output = (await send(command)) as { ConsumedCapacity?: Capacity | Capacity[] };
        meter.add(name, output.ConsumedCapacity);
        return output;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') meter.failedConditions++;
        throw error;
      }
    };
    return this;
  }

  reset(): void {
    this.byCommand = new Map();
    this.readUnits = 0;
    this.writeUnits = 0;
    this.indexWrites = 0;
    this.failedConditions = 0;
  }

  usage(): DynamoUsage {
    const byCommand = Object.fromEntries([...this.byCommand].sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      requests: [...this.byCommand.values()].reduce((a, b) => a + b, 0),
      byCommand,
      readUnits: this.readUnits,
      writeUnits: this.writeUnits,
      indexWriteUnitsEstimated: this.indexWrites,
      failedConditionalWrites: this.failedConditions,
    };
  }

  private add(name: string, consumed: Capacity | Capacity[] | undefined): void {
    const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
      (sum, c) => sum + (c.CapacityUnits ?? 0),
      0,
    );
    if (READS.has(name)) this.readUnits += units;
    else this.writeUnits += units;
  }
}

function describe(command: unknown): { name: string; input: Record<string, unknown> } {
  const c = command as { constructor: { name: string }; input: Record<string, unknown> };
  return { name: c.constructor.name, input: c.input };
}

/** A Put or Update of a ledger item: the outbox index is written too while (or as) the entry pends. */
function touchesLedger(name: string, input: Record<string, unknown>): boolean {
  const key =
    name === 'PutCommand'
      ? (input.Item as Record<string, unknown> | undefined)
      : name === 'UpdateCommand'
        ? (input.Key as Record<string, unknown> | undefined)
        : undefined;
  const pk = key?.[REGISTRY_PARTITION_KEY];
  return typeof pk === 'string' && pk.startsWith(LEDGER_PARTITION_PREFIX);
}
