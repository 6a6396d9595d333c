/**
 * The links function answers a report link in the document's language: with `language: zh-CN` the
 * report page (like the acknowledge pages) is Chinese.
 */
import { functionUrlGet } from './link-events';
import { recordingLogger } from './recording-logger';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { reportUrl, signAckToken } from '../../lambda/core/ack';
import type { Language } from '../../lambda/core/model';
import { createAckAndCalendarHandler } from '../../lambda/handlers/ack-and-calendar/app';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const SIGNING_KEY = 'test-link-signing-key-0123456789abcdef';
const NOW = new Date('2026-09-30T01:30:00Z');
const BASE = 'https://abc123.lambda-url.ap-east-1.on.aws/';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

async function reportPage(language: Language): Promise<string> {
  const config = guardConfig({ language });
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(config.services, NOW.toISOString());
  const handle = createAckAndCalendarHandler({
    config,
    registry,
    secrets: { resolve: async () => ({ linkSigningKey: SIGNING_KEY, feedToken: 'feed-token-0123456789abcdef' }) },
    secretName: 'renewal-guard/links',
    clock: () => NOW,
    logger: recordingLogger().logger,
  });
  const token = signAckToken(
    { key: '_guard:digest:2026-09-28', expiresAt: new Date('2026-10-14T01:30:00Z'), action: 'report' },
    SIGNING_KEY,
  );
  const response = await handle(functionUrlGet(reportUrl(BASE, token), NOW));
  expect(response.statusCode).toBe(200);
  return response.body;
}

describe('the report link in the document language', () => {
  it('answers a Chinese page with language zh-CN', async () => {
    const body = await reportPage('zh-CN');

    expect(body).toContain('<html lang="zh-CN">');
    expect(body).toContain('<h1>续费报告</h1>');
    expect(body).toContain('全部服务');
    expect(body).not.toContain('All services');
  });

  it('answers an English page by default', async () => {
    const body = await reportPage('en');

    expect(body).toContain('<html lang="en">');
    expect(body).toContain('All services');
  });
});
