/** The object without its `undefined` members: an absent prop must not override a value from the config file. */
export function withoutUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
