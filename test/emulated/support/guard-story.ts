/**
 * The guard the emulated tests deploy: one Agora account answered by the vendor sandbox, one service
 * under a manual contract expiring on Wednesday 2027-03-17 (reminders 30, 7 and 1 days before), an
 * email channel taking warning and above, an SMS channel taking critical and above, and a signed webhook.
 */
import type { VendorSandbox } from '../../../lambda/sandbox';
import { demoAccounts } from '../../../lambda/sandbox';
import type { PlatformReceivers } from '../../support/receivers';

export const EXPIRES_ON = '2027-03-17';
/** Local dates (Asia/Shanghai) of the walk; all working days. */
export const DAYS = {
  deploy: '2027-02-12',
  thirtyDaysBefore: '2027-02-15',
  eightDaysBefore: '2027-03-09',
  sevenDaysBefore: '2027-03-10',
  sixDaysBefore: '2027-03-11',
  dayBefore: '2027-03-16',
} as const;

export const WEBHOOK_SECRET = 'renewal-guard/webhook';

/** The config document and the test values of the secrets it names. */
export function guardStory(
  sandbox: VendorSandbox,
  receivers: PlatformReceivers,
  now: Date,
): { config: Record<string, unknown>; secrets: Record<string, Record<string, string>> } {
  const agora = demoAccounts(sandbox, now);
  const account = agora.accounts.find((a) => a.vendor === 'agora');
  const credentials = account?.credentials;
  if (!account || !credentials) throw new Error('the vendor sandbox has no Agora demo account with credentials');
  return {
    config: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      checkTime: '09:30',
      calendar: 'weekends',
      accounts: [
        { id: account.id, vendor: 'agora', credentials, endpoint: account.endpoint },
        { id: 'contracts', vendor: 'manual' },
      ],
      services: [
        {
          id: 'live-rtc',
          name: 'Live app RTC',
          project: 'live-app',
          account: 'contracts',
          kind: 'subscription',
          expiresOn: EXPIRES_ON,
          reminderDays: [30, 7, 1],
          owners: ['alice@example.com'],
          channels: ['ops', 'hooks'],
        },
      ],
      channels: [
        { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'warning' },
        { id: 'pager', type: 'sms', to: ['+8613800000000'], minSeverity: 'critical' },
        { id: 'hooks', type: 'webhook', secret: WEBHOOK_SECRET },
      ],
    },
    secrets: {
      [credentials]: { ...agora.secrets[credentials] },
      [WEBHOOK_SECRET]: { ...receivers.secrets.webhook },
    },
  };
}
