/** Ids across a list: uniqueness, and the set other sections refer to. */
import { describeValue, ID_PATTERN, isMapping } from './fields';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';

/**
 * Every well-formed id in a list, with the index where it first appears. Collected before the list is
 * validated, so a reference to an account whose entry has some other mistake is not reported twice.
 */
export function collectIds(list: readonly unknown[]): Map<string, number> {
  const ids = new Map<string, number>();
  list.forEach((item, i) => {
    const id = isMapping(item) ? item.id : undefined;
    if (typeof id === 'string' && ID_PATTERN.test(id) && !ids.has(id)) ids.set(id, i);
  });
  return ids;
}

/** An item's place in its list and the ids the list defines, for the uniqueness check. */
export interface ListPosition {
  readonly listPath: string;
  readonly index: number;
  readonly ids: ReadonlyMap<string, number>;
}

/** Reports a later use of an id already taken in the same list: `services[3].id: "x" is used by services[0] too`. */
export function reportDuplicateId(log: ProblemLog, id: string, at: ListPosition): void {
  const first = at.ids.get(id);
  if (first === undefined || first === at.index) return;
  log.error(
    fieldPath(itemPath(at.listPath, at.index), 'id'),
    `${describeValue(id)} is used by ${itemPath(at.listPath, first)} too`,
  );
}

/** The message for a reference to an id that is not defined: names the known ids, or says there are none. */
export function unknownReferenceMessage(
  value: string,
  noun: string,
  section: string,
  known: ReadonlyMap<string, number>,
): string {
  const list = [...known.keys()];
  const hint = list.length > 0 ? `known: ${list.join(', ')}` : `no ${section} are defined`;
  return `${describeValue(value)} is not ${noun} id (${hint})`;
}
