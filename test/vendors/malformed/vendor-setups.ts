/**
 * Per vendor: the adapter, a test secret, default options and valid answers to every call it makes,
 * so a case only states the one answer that is malformed.
 */
import type { Script } from './payload-server';
import type { Vendor } from '../../../lambda/core/model';
import type { VendorAdapter } from '../../../lambda/core/vendor-port';
import { AgoraVendor, HttpJsonVendor, TwilioVendor, VonageVendor } from '../../../lambda/vendors';
import { AlibabaVendor } from '../../../lambda/vendors/alibaba';
import { HuaweiVendor } from '../../../lambda/vendors/huawei';
import { TencentVendor } from '../../../lambda/vendors/tencent';

export interface VendorSetup {
  readonly adapter: VendorAdapter;
  readonly secret: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly valid: Script;
}

export const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
export const TWILIO_USAGE = `/2010-04-01/Accounts/${TWILIO_SID}/Usage/Records/Daily.json`;

const json = (body: unknown) => ({ body });

export const SETUPS: Readonly<Record<Exclude<Vendor, 'manual'>, VendorSetup>> = {
  agora: {
    adapter: new AgoraVendor(),
    secret: { customerKey: 'agoraKEYm4lf0rm3d', customerSecret: 'agoraSECRETm4lf0rm3d01' },
    options: {},
    valid: {
      '/dev/v1/projects': json({ projects: [{ id: 'p1', name: 'p1', vendor_key: 'app-1', status: 1 }] }),
      '/dev/v3/usage': json({ usages: [{ date: '2026-09-28', usage: { durationAudioAll: 600 } }] }),
    },
  },
  twilio: {
    adapter: new TwilioVendor(),
    secret: { accountSid: TWILIO_SID, authToken: 'twilioTOKENm4lf0rm3d' },
    options: {},
    valid: {
      '/Balance.json': json({ account_sid: TWILIO_SID, balance: '12.29', currency: 'USD' }),
      '/Usage/Records/Daily.json': json({
        usage_records: [{ start_date: '2026-09-28', price: '1.50', price_unit: 'usd' }],
        next_page_uri: null,
      }),
    },
  },
  vonage: {
    adapter: new VonageVendor(),
    secret: { apiKey: 'vonKEYm4lf', apiSecret: 'vonageSECRETm4lf' },
    // query-string credentials: the riskiest style for a message built from the request
    options: { authStyle: 'query' },
    valid: { '/account/get-balance': json({ value: 10.28, autoReload: false }) },
  },
  'http-json': {
    adapter: new HttpJsonVendor(),
    secret: { token: 'jsonTOKENm4lf0rm3d' },
    options: { balancePath: 'data.balance', currencyPath: 'data.currency', expiryPath: 'data.expiresAt' },
    valid: { '/balance': json({ data: { balance: '42.00', currency: 'EUR', expiresAt: '2026-12-31' } }) },
  },
  huawei: {
    adapter: new HuaweiVendor(),
    secret: { accessKey: 'HWAKm4lf0rm3d0001', secretKey: 'hwSKm4lf0rm3dSECRET' },
    options: { projectId: 'proj-1', rtcAppIds: ['app-1'] },
    valid: {
      '/v2/accounts/customer-accounts/balances': json({
        account_balances: [{ account_id: 'a1', account_type: 1, amount: 100.5, currency: 'CNY', measure_id: 1 }],
        debt_amount: 0,
        measure_id: 1,
        currency: 'CNY',
      }),
      '/v3/payments/free-resources/query': json({ total_count: 0, free_resource_packages: [] }),
      '/rtc/history/usage': json({ usage: [{ date: '2026-09-28', total_duration: 600 }] }),
    },
  },
  tencent: {
    adapter: new TencentVendor(),
    secret: { secretId: 'AKIDm4lf0rm3d0001', secretKey: 'tcSKm4lf0rm3dSECRET' },
    options: {},
    valid: {
      DescribeAccountBalance: json({ Response: { RealBalance: 12345, Balance: 12345, RequestId: 'req-1' } }),
      DescribeTrtcUsage: json({
        Response: {
          UsageKey: ['Audio'],
          UsageList: [{ TimeKey: '2026-09-28 00:00:00', UsageValue: [10] }],
          RequestId: 'req-2',
        },
      }),
    },
  },
  alibaba: {
    adapter: new AlibabaVendor({ nonce: () => 'nonce-1' }),
    secret: { accessKeyId: 'LTAIm4lf0rm3d0001', accessKeySecret: 'aliSECRETm4lf0rm3d' },
    options: {},
    valid: {
      QueryAccountBalance: json({ Code: '200', Success: true, Data: { AvailableAmount: '100.00', Currency: 'CNY' } }),
      QueryAvailableInstances: json({ Code: 'Success', Success: true, Data: { TotalCount: 0, InstanceList: [] } }),
      QueryResourcePackageInstances: json({ Success: true, Data: { TotalCount: '0', Instances: { Instance: [] } } }),
    },
  },
};
