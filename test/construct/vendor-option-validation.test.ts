/** A typed vendor option the adapter would refuse fails synth, with the path a config file would get. */
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { VendorAccount, VendorSite } from '../../src';
import { synthGuard } from './support/guard-stack';

describe('vendor options at synth', () => {
  it('refuses a Tencent price table in another currency than the site bills in', () => {
    expect(() =>
      synthGuard((stack) => ({
        accounts: [
          VendorAccount.tencent({
            accountId: 'tencent-cn',
            credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Tencent', 'renewal-guard/tencent-cn'),
            site: VendorSite.CN,
            prices: { currency: 'USD', perThousandMinutes: { Audio: 0.99 } },
          }),
        ],
      })),
    ).toThrow(
      / {2}props\.accounts\[0\] \(accountId "tencent-cn"\)\.prices\.currency: must be the balance currency of the cn site \(CNY\), got USD/,
    );
  });

  it('accepts the same account priced in CNY', () => {
    const synth = synthGuard((stack) => ({
      accounts: [
        VendorAccount.tencent({
          accountId: 'tencent-cn',
          credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Tencent', 'renewal-guard/tencent-cn'),
          site: VendorSite.CN,
          prices: { currency: 'CNY', perThousandMinutes: { Audio: 7 } },
        }),
      ],
    }));

    expect(synth.template.findResources('AWS::Lambda::Function')).not.toEqual({});
  });
});
