/**
 * A small JSON path: dot and bracket steps from the root, such as `data.balance`, `items[0].amount` or
 * `['balance (EUR)'].value`. No wildcards or filters: a balance is one value.
 */
export type JsonPath = readonly (string | number)[];

const STEP = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\])/;

/** The steps of `text`, or undefined when it is not a path. */
export function parseJsonPath(text: string): JsonPath | undefined {
  const steps: (string | number)[] = [];
  let rest = text.trim().replace(/^\$\.?/, '');
  if (rest === '') return undefined;
  let first = true;
  while (rest !== '') {
    const m = STEP.exec(rest);
    if (!m || (first && rest.startsWith('.'))) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4]).replace(/\\(.)/g, '$1'));
    rest = rest.slice(m[0].length);
    first = false;
  }
  return steps;
}

/** The value at `path`, or undefined when any step is missing. */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let at: unknown = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(at)) return undefined;
      at = at[step];
    } else {
      if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(at, step)) return undefined;
      at = (at as Record<string, unknown>)[step];
    }
  }
  return at;
}
