import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AGORA_BUSINESSES, AGORA_PLANS, readAgoraOptions } from '../../lambda/vendors/agora/agora-options';
import { readAlibabaOptions } from '../../lambda/vendors/alibaba/alibaba-options';
import { readHuaweiOptions } from '../../lambda/vendors/huawei/huawei-options';
import { readTencentOptions } from '../../lambda/vendors/tencent/tencent-options';
import { AgoraBusiness, AgoraPlan, VendorAccount, VendorSite, VonageAuthStyle } from '../../src';
import { fixture, stagedConfig, synthGuard } from './support/guard-stack';

/** The typed twin of fixtures/vendor-options.yaml: every vendor option set through its prop. */
function typedAccounts(secret: (name: string) => secretsmanager.ISecret): VendorAccount[] {
  return [
    VendorAccount.agora({
      accountId: 'agora-main',
      credentials: secret('agora-main'),
      spend: { spikeFactor: 3, spikeMinAmount: 50, monthlyGrowth: 0.3 },
      appIds: ['app-one'],
      business: [AgoraBusiness.DEFAULT, AgoraBusiness.CLOUD_RECORDING],
      usageDays: 60,
      prices: { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99, durationVideoHd: 3.99 } },
      topUp: { amount: 500, currency: 'USD', date: '2026-05-01' },
      plan: AgoraPlan.BUSINESS_PLUS,
    }),
    VendorAccount.tencent({
      accountId: 'tencent-intl',
      credentials: secret('tencent-intl'),
      site: VendorSite.INTL,
      sdkAppIds: ['1400123456'],
      usageDays: 14,
      prices: {
        currency: 'USD',
        perThousandMinutes: { Audio: 0.99, SD: 3.99, HD: 3.99, FullHD: 8.99, '2K': 15.99, '4K': 35.99 },
      },
    }),
    VendorAccount.alibaba({
      accountId: 'alibaba-main',
      credentials: secret('alibaba-main'),
      productCodes: ['rtc', 'rds'],
      usageDays: 0,
    }),
    VendorAccount.huawei({
      accountId: 'huawei-main',
      credentials: secret('huawei-main'),
      projectId: '0a1b2c3d4e5f',
      rtcAppIds: ['rtc-app-1'],
      usageDays: 7,
    }),
    VendorAccount.twilio({
      accountId: 'twilio-main',
      credentials: secret('twilio-main'),
      usageCategory: 'group-rooms-participant-minutes',
      usageDays: 90,
    }),
    VendorAccount.vonage({
      accountId: 'vonage-main',
      credentials: secret('vonage-main'),
      authStyle: VonageAuthStyle.QUERY,
    }),
    VendorAccount.httpJson({
      accountId: 'reseller',
      credentials: secret('reseller'),
      endpoint: 'https://billing.example.com',
      balancePath: 'data.balance',
      currencyPath: 'data.currency',
      expiryPath: 'data.expiresAt',
      path: '/v2/balance',
      authHeader: 'X-Api-Key',
      authScheme: '',
    }),
  ];
}

function typedSynth() {
  return synthGuard((stack) => ({
    accounts: typedAccounts((name) => secretsmanager.Secret.fromSecretNameV2(stack, name, `renewal-guard/${name}`)),
  }));
}

describe('typed vendor options', () => {
  it('stage every vendor option under its own name, next to the spend policy', () => {
    const accounts = stagedConfig(typedSynth()).accounts;

    expect(Object.fromEntries(accounts.map((a: any) => [a.id, a.options]))).toEqual({
      'agora-main': {
        appIds: ['app-one'],
        business: ['default', 'cloudRecording'],
        usageDays: 60,
        prices: { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99, durationVideoHd: 3.99 } },
        topUp: { amount: 500, currency: 'USD', date: '2026-05-01' },
        plan: 'business-plus',
      },
      'tencent-intl': {
        site: 'intl',
        sdkAppIds: ['1400123456'],
        usageDays: 14,
        prices: {
          currency: 'USD',
          perThousandMinutes: { Audio: 0.99, SD: 3.99, HD: 3.99, FullHD: 8.99, '2K': 15.99, '4K': 35.99 },
        },
      },
      'alibaba-main': { productCodes: ['rtc', 'rds'], usageDays: 0 },
      'huawei-main': { projectId: '0a1b2c3d4e5f', rtcAppIds: ['rtc-app-1'], usageDays: 7 },
      'twilio-main': { usageCategory: 'group-rooms-participant-minutes', usageDays: 90 },
      'vonage-main': { authStyle: 'query' },
      reseller: {
        balancePath: 'data.balance',
        currencyPath: 'data.currency',
        expiryPath: 'data.expiresAt',
        path: '/v2/balance',
        authHeader: 'X-Api-Key',
        authScheme: '',
      },
    });
    expect(accounts[0].spend).toEqual({ spikeFactor: 3, spikeMinAmount: 50, monthlyGrowth: 0.3 });
  });

  it('stage the same accounts as the config file that writes those options by hand', () => {
    const fromFile = stagedConfig(synthGuard({ configFile: fixture('vendor-options.yaml') })).accounts;

    expect(stagedConfig(typedSynth()).accounts).toEqual(fromFile);
  });

  it('give each option reader values it accepts, so the adapters read what the props say', () => {
    const byId = Object.fromEntries(stagedConfig(typedSynth()).accounts.map((a: any) => [a.id, a]));

    expect(readAgoraOptions(byId['agora-main'], '2026-06-15')).toEqual({
      appIds: ['app-one'],
      business: ['default', 'cloudRecording'],
      usageDays: 60,
      prices: { currency: 'USD', perThousandMinutes: { durationAudioAll: 0.99, durationVideoHd: 3.99 } },
      topUp: { amount: 500, currency: 'USD', date: '2026-05-01' },
      plan: 'business-plus',
    });
    expect(readTencentOptions(byId['tencent-intl'])).toMatchObject({
      site: 'intl',
      sdkAppIds: [1400123456],
      usageDays: 14,
    });
    expect(readAlibabaOptions(byId['alibaba-main'])).toEqual({
      site: 'cn',
      productCodes: ['rtc', 'rds'],
      usageDays: 0,
    });
    expect(readHuaweiOptions(byId['huawei-main'])).toEqual({
      site: 'cn',
      usageDays: 7,
      rtc: { projectId: '0a1b2c3d4e5f', appIds: ['rtc-app-1'] },
    });
  });

  it('offer exactly the values the Agora option reader accepts', () => {
    expect(Object.values(AgoraBusiness)).toEqual([...AGORA_BUSINESSES]);
    expect(Object.values(AgoraPlan)).toEqual([...AGORA_PLANS]);
  });
});
