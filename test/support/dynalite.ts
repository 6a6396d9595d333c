/**
 * A real dynalite for adapter tests: one server per test file, one fresh registry table per test.
 *
 * ```ts
 * let dynamo: LocalDynamo;
 * beforeAll(async () => (dynamo = await startDynalite()));
 * afterAll(() => dynamo.stop());
 * it('...', async () => {
 *   const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
 * });
 * ```
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureRegistryTable } from '../../lambda/aws/registry/table-definition';
import { localDocumentClient, startDynaliteServer } from '../../lambda/cli/embedded-store';

export interface LocalDynamo {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Region us-east-1, fake static credentials. */
  readonly client: DynamoDBDocumentClient;
  /** Creates a table with the registry schema (a fresh unique name by default) and returns its name. */
  createRegistryTable(name?: string): Promise<string>;
  stop(): Promise<void>;
}

let tables = 0;

export async function startDynalite(options: { path?: string } = {}): Promise<LocalDynamo> {
  const server = await startDynaliteServer(options.path === undefined ? {} : { path: options.path });
  const client = localDocumentClient(server.endpoint);
  return {
    endpoint: server.endpoint,
    client,
    async createRegistryTable(name?: string) {
      const tableName = name ?? `registry-${process.pid}-${++tables}`;
      await ensureRegistryTable(client, tableName);
      return tableName;
    },
    async stop() {
      client.destroy();
      await server.close();
    },
  };
}
