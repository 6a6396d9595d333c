/**
 * Each vendor's options, checked when the document is loaded (`validate`, `check`, the construct at
 * synth) rather than at the first poll: the same readers the adapters use, so a wrong price table or
 * an unknown option fails the deploy with its path, not the daily check a week later.
 */
import { readAgoraOptions } from './agora/agora-options';
import { readAlibabaOptions } from './alibaba/alibaba-options';
import { AccountSetupError } from './http/account-setup-error';
import { readHttpJsonOptions } from './http-json';
import { readHuaweiOptions } from './huawei/huawei-options';
import { readTencentOptions } from './tencent/tencent-options';
import { readTwilioOptions } from './twilio';
import { readVonageOptions } from './vonage';
import type { AccountConfig, IsoDate, Vendor } from '../core/model';

const READERS: Readonly<Partial<Record<Vendor, (account: AccountConfig, today: IsoDate) => unknown>>> = {
  agora: readAgoraOptions,
  tencent: readTencentOptions,
  alibaba: readAlibabaOptions,
  twilio: readTwilioOptions,
  huawei: readHuaweiOptions,
  vonage: readVonageOptions,
  'http-json': readHttpJsonOptions,
};

/** One problem with an account's options: the path inside the account (`prices.currency`) and what is wrong. */
export interface OptionProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * What is wrong with the account's vendor options, all at once; empty when they are fine or the vendor
 * takes none (`manual` takes none and its document entry has no options to check). `today` (UTC) bounds
 * dates that must not be in the future, such as Agora's top-up.
 */
export function vendorOptionProblems(account: AccountConfig, today: IsoDate): OptionProblem[] {
  const read = READERS[account.vendor];
  if (!read) return [];
  try {
    read(account, today);
    return [];
  } catch (e) {
    if (!(e instanceof AccountSetupError)) throw e;
    return e.problems.map((problem) => {
      const match = /^option ([^:]+): ([\s\S]*)$/.exec(problem);
      return match ? { path: match[1]!, message: match[2]! } : { path: '', message: problem };
    });
  }
}
