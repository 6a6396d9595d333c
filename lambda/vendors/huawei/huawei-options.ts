import { HUAWEI_SITES, type HuaweiSite } from './huawei-site';
import type { AccountConfig } from '../../core/model';
import { OptionReader } from '../http';

export interface HuaweiOptions {
  readonly site: HuaweiSite;
  /** SparkRTC usage, when configured: the project and the application ids (`app`) to read. */
  readonly rtc?: { readonly projectId: string; readonly appIds: readonly string[] };
  /** Completed UTC days of RTC usage read per cycle. */
  readonly usageDays: number;
}

/** The RTC console's longest query span. */
export const MAX_RTC_USAGE_DAYS = 31;
const DEFAULT_USAGE_DAYS = 30;

export function readHuaweiOptions(account: AccountConfig): HuaweiOptions {
  const reader = new OptionReader(account, ['site', 'projectId', 'rtcAppIds', 'usageDays']);
  const siteValue = reader.get('site');
  const site = siteValue === undefined ? 'cn' : reader.oneOf(siteValue, 'site', HUAWEI_SITES);
  const projectValue = reader.get('projectId');
  const projectId = projectValue === undefined ? undefined : reader.text(projectValue, 'projectId');
  const appsValue = reader.get('rtcAppIds');
  const appIds = appsValue === undefined ? undefined : reader.textList(appsValue, 'rtcAppIds');
  if (appsValue !== undefined && projectValue === undefined) {
    reader.problem('projectId', 'required with rtcAppIds: RTC usage is read per project');
  }
  const daysValue = reader.get('usageDays');
  const usageDays =
    daysValue === undefined ? DEFAULT_USAGE_DAYS : reader.integer(daysValue, 'usageDays', 1, MAX_RTC_USAGE_DAYS);
  reader.finish();
  return { site: site!, usageDays: usageDays!, ...(appIds && projectId && { rtc: { projectId, appIds } }) };
}
