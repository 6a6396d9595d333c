import * as fs from 'fs';
import * as path from 'path';
import { ACK_URL, ALL_TYPES, channelOf, expiryAlert } from './channel-fixtures';
import { FORMAT } from './channel-formats';
import type { FormatInput } from '../../lambda/channels/formatters';
import { ALERT_KINDS, LANGUAGES, type Alert, type ChannelType, type Language } from '../../lambda/core/model';
import {
  checkDingTalkShape,
  checkFeishuShape,
  checkPagerDutyShape,
  checkSlackShape,
  checkTeamsShape,
  checkWebhookShape,
  checkWeComShape,
} from '../support/receivers';

const GOLDEN = path.join(__dirname, 'golden');
// Regenerate after an intended change with UPDATE_GOLDEN=1, then review the diff like code.
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const SHAPE: Partial<Record<ChannelType, (payload: unknown) => string[]>> = {
  dingtalk: checkDingTalkShape,
  feishu: checkFeishuShape,
  wecom: checkWeComShape,
  slack: checkSlackShape,
  teams: checkTeamsShape,
  webhook: checkWebhookShape,
  pagerduty: (payload) => checkPagerDutyShape(payload, { requireRoutingKey: false }),
};

function input(type: ChannelType, language: Language): FormatInput {
  return { alert: expiryAlert(), channel: channelOf(type), language, serviceName: 'Live app RTC', ackUrl: ACK_URL };
}

describe.each(LANGUAGES)('channel messages in %s', (language) => {
  it.each(ALL_TYPES)('formats the contract example for %s exactly as its golden file', (type) => {
    // Prepare
    const file = path.join(GOLDEN, `${type}.${language}.json`);

    // Act
    const payload = FORMAT[type](input(type, language));

    // Assess
    const text = `${JSON.stringify(payload, null, 2)}\n`;
    if (UPDATE) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  it.each(Object.keys(SHAPE) as ChannelType[])('gives %s the payload shape its platform documents', (type) => {
    // Act
    const payload = FORMAT[type](input(type, language));

    // Assess
    expect(SHAPE[type]!(payload)).toEqual([]);
  });
});

describe('every alert kind', () => {
  // A digest names no service, project or owner: the sparsest message there is.
  const sparse = (kind: Alert['kind']): Alert =>
    kind === 'digest'
      ? {
          key: '_guard:digest:2026-09-28',
          kind,
          severity: 'info',
          date: '2026-09-28',
          owners: [],
          channels: [],
          message: 'a\nb',
        }
      : expiryAlert({ kind });

  it.each(ALERT_KINDS.flatMap((kind) => (Object.keys(SHAPE) as ChannelType[]).map((type) => [kind, type] as const)))(
    'formats %s for %s in the shape its platform documents',
    (kind, type) => {
      for (const language of LANGUAGES) {
        const payload = FORMAT[type]({ alert: sparse(kind), channel: channelOf(type), language });
        expect(SHAPE[type]!(payload)).toEqual([]);
      }
    },
  );
});

describe('golden files', () => {
  it('exist for every channel type and language, and for nothing else', () => {
    // Act
    const files = fs.readdirSync(GOLDEN).sort();

    // Assess
    expect(files).toEqual(ALL_TYPES.flatMap((t) => LANGUAGES.map((l) => `${t}.${l}.json`)).sort());
  });
});
