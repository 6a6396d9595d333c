import type { AccountConfig, Alert, AlertFigures, ChannelConfig, IsoDate, ServiceConfig, Severity } from '../model';
import { routeToChannels } from '../reminders/channel-routing';

/** Who hears about an account: the owners and channels of the services that depend on it. */
export interface AccountAudience {
  readonly project?: string;
  readonly owners: readonly string[];
  /** Channel ids before severity filtering; every channel when no service names the account. */
  readonly channels: readonly string[];
  readonly serviceIds: readonly string[];
}

export function accountAudience(
  account: AccountConfig,
  services: readonly ServiceConfig[],
  channels: ReadonlyMap<string, ChannelConfig>,
): AccountAudience {
  const linked = services.filter((s) => s.account === account.id);
  const projects = [...new Set(linked.map((s) => s.project))];
  return {
    project: projects.length === 1 ? projects[0] : undefined,
    owners: [...new Set(linked.flatMap((s) => s.owners))],
    channels: linked.length > 0 ? [...new Set(linked.flatMap((s) => s.channels))] : [...channels.keys()],
    serviceIds: linked.map((s) => s.id),
  };
}

export function accountAlert(
  fields: {
    key: string;
    kind: Alert['kind'];
    severity: Severity;
    accountId: string;
    date: IsoDate;
    message: string;
    figures?: AlertFigures;
  },
  audience: AccountAudience,
  channels: ReadonlyMap<string, ChannelConfig>,
): Alert {
  return {
    ...fields,
    project: audience.project,
    owners: audience.owners,
    channels: routeToChannels(audience.channels, fields.severity, channels),
  };
}
