/**
 * Every formatter's payload has the shape its platform documents, for every alert kind and language.
 * What production sends, whole, is in the golden files (golden-production.test.ts, through the bundles).
 */
import { ACK_URL, channelOf, expiryAlert } from './channel-fixtures';
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
