/**
 * Names a path of the props' partial config document (props-document.ts) the way the user wrote it:
 * `services[0].id` -> `props.services[0].serviceId`, `channels[1].options.atMobiles[0]` ->
 * `props.channels[1] (channelId "team-chat").atMobiles[0]`. Every problem about a typed prop, found by
 * the construct or by the shared config loader, is named through here.
 */
const ENTRY_ID_PROPS: Record<string, string> = { services: 'serviceId', accounts: 'accountId', channels: 'channelId' };

/** Document keys of the document-wide settings whose prop is named otherwise. */
const SETTING_PROPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^quietHours\.from(?=$|[.[])/, 'quietHours.fromTime'],
  [/^calendar\.base(?=$|[.[])/, 'calendar'],
  [/^calendar\.(holidays|workdays|coveredYears)(?=$|[.[])/, 'calendarDays.$1'],
  [/^ownerEmail\.from(?=$|[.[])/, 'ownerEmail.fromAddress'],
];

export function propPath(path: string, overrides: Readonly<Record<string, unknown>>): string {
  const entry = /^(services|accounts|channels)\[(\d+)\](.*)$/.exec(path);
  if (!entry) return `props.${SETTING_PROPS.reduce((p, [from, to]) => p.replace(from, to), path)}`;

  const [, list, index, rest] = entry as unknown as [string, string, string, string];
  const idProp = ENTRY_ID_PROPS[list]!;
  let within = rest.replace(/^\.id(?=$|[.[])/, `.${idProp}`);
  // a channel factory takes its options (atMobiles ...) next to channelId, not under `options`
  if (list === 'channels') within = within.replace(/^\.options(?=$|[.[])/, '');
  const items = overrides[list];
  const item: unknown = Array.isArray(items) ? items[Number(index)] : undefined;
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
  // the entry is named by its id too (the index alone is easy to miscount), unless the id is the problem
  const label = typeof id === 'string' && within !== `.${idProp}` ? ` (${idProp} ${JSON.stringify(id)})` : '';
  return `props.${list}[${index}]${label}${within}`;
}
