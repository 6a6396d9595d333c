/**
 * The Alibaba demo account: China site, CNY 3,260.45, an ARTC subscription ending in 40 days, an ARTC
 * minutes plan, and daily bills (ARTC beyond the plan, and OSS) that give it a runway.
 */
import type { AlibabaSandboxFixture } from './alibaba';
import { addDays, dayOfWeek, localDate, zonedDateTimeToInstant } from '../../core/dates';
import type { IsoDate } from '../../core/model';

export const ALIBABA_DEMO_KEY_ID = 'LTAIsandboxAlibabaDemo01';
export const ALIBABA_DEMO_KEY_SECRET = 'sandbox-alibaba-demo-access-key-secret';

/** Midnight Beijing starting the day `days` after today (Alibaba ends subscriptions then), as UTC ISO. */
function beijingMidnight(now: Date, days: number): string {
  const day = addDays(localDate(now, 'Asia/Shanghai'), days);
  return zonedDateTimeToInstant(day, '00:00', 'Asia/Shanghai').toISOString().replace('.000Z', 'Z');
}

/** A pay-as-you-go bill line as QueryAccountBill groups it by product. */
function billLine(code: string, name: string, amount: number): Record<string, unknown> {
  return {
    ProductCode: code,
    ProductName: name,
    PipCode: code,
    SubscriptionType: 'PayAsYouGo',
    BizType: 'cloud',
    PretaxGrossAmount: amount,
    InvoiceDiscount: 0,
    DeductedByCoupons: 0,
    PretaxAmount: amount,
    CashAmount: amount,
    OutstandingAmount: 0,
    Currency: 'CNY',
  };
}

/**
 * Weekdays busier than weekends, with a gentle wave: no day looks like a spike. The 45 days before
 * `now` and the 30 after it, for a demo whose later cycle runs on a later clock against the same data.
 */
function dailyBills(now: Date): Record<IsoDate, Record<string, unknown>[]> {
  const today = localDate(now, 'Asia/Shanghai');
  const bills: Record<IsoDate, Record<string, unknown>[]> = {};
  for (let i = -30; i <= 45; i++) {
    const day = addDays(today, -i);
    const weekend = dayOfWeek(day) === 0 || dayOfWeek(day) === 6 ? 0.6 : 1;
    const rtc = Math.round(96.8 * weekend * (1 + 0.06 * Math.sin(i)) * 100) / 100;
    bills[day] = [billLine('rtc', 'Real-Time Communication', rtc), billLine('oss', 'Object Storage Service', 11.2)];
  }
  return bills;
}

export function alibabaDemoFixture(now: Date): AlibabaSandboxFixture {
  return {
    accounts: [
      {
        accessKeyId: ALIBABA_DEMO_KEY_ID,
        accessKeySecret: ALIBABA_DEMO_KEY_SECRET,
        balance: {
          AvailableAmount: '3260.45',
          AvailableCashAmount: '3260.45',
          CreditAmount: '0.00',
          MybankCreditAmount: '0.00',
          Currency: 'CNY',
          QuotaLimit: '0.00',
        },
        instances: [
          {
            InstanceID: 'rtc-cn-demo0live01',
            ProductCode: 'rtc',
            ProductType: 'rtc_pre',
            Region: 'cn-hangzhou',
            SubscriptionType: 'Subscription',
            CreateTime: beijingMidnight(now, -325),
            EndTime: beijingMidnight(now, 41),
            RenewStatus: 'ManualRenewal',
            RenewalDuration: 0,
            Status: 'Normal',
            SubStatus: 'Normal',
            Seller: 'aliyun',
            OwnerId: 1234567890123456,
            SellerId: 26842,
          },
        ],
        resourcePackages: [
          {
            InstanceId: 'RTCPKG-cn-demo0minutes01',
            PackageType: 'FPT_rtcpackage_minutes',
            ProductCode: 'rtc',
            Region: 'cn-hangzhou',
            Remark: 'ARTC audio/video minutes plan',
            TotalAmount: '1000000',
            TotalAmountUnit: 'Minute',
            RemainingAmount: '184250',
            RemainingAmountUnit: 'Minute',
            EffectiveTime: beijingMidnight(now, -200),
            ExpiryTime: beijingMidnight(now, 166),
            Status: 'Available',
            DeductType: 'Absolute',
            ApplicableProducts: { Product: ['rtc'] },
          },
        ],
        dailyBills: dailyBills(now),
      },
    ],
  };
}
