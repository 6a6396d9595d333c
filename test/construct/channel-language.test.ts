import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AlertChannel, Language } from '../../src';
import { stagedConfig, synthGuard } from './support/guard-stack';

describe('a channel language set by typed props', () => {
  it('is staged with its channel, and only where it is set', () => {
    // Act
    const synth = synthGuard((stack) => ({
      language: Language.ZH_CN,
      channels: [
        AlertChannel.email({ channelId: 'abroad', to: ['ops@example.com'], language: Language.EN }),
        AlertChannel.sms({ channelId: 'pager', to: ['+8613800000000'] }),
        AlertChannel.slack({
          channelId: 'team',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Slack', 'renewal-guard/slack'),
          language: Language.EN,
        }),
      ],
    }));

    // Assess
    const channels = stagedConfig(synth).channels as { id: string; language?: string }[];
    expect(channels.map((c) => [c.id, c.language])).toEqual([
      ['abroad', 'en'],
      ['pager', undefined],
      ['team', 'en'],
    ]);
    expect(stagedConfig(synth).language).toBe('zh-CN');
  });
});
