import { readCount, type Page } from '../cn-cloud';
import { asArray, asObject, ShapeProblem } from '../http';

/** The `Data` object of a BSS answer. */
export function bssData(json: unknown): Record<string, unknown> {
  return asObject(asObject(json, 'the answer').Data, 'Data');
}

/**
 * A BSS list as JSON renders it: a plain array (`InstanceList: [...]`), or the XML-shaped wrapper
 * (`Instances: { Instance: [...] }`). An empty account may leave the list out; a list that is missing
 * while the total says otherwise is a ShapeProblem.
 */
export function bssList(data: Record<string, unknown>, field: string, inner: string): Page<unknown> {
  const total = data.TotalCount === undefined ? undefined : readCount(data.TotalCount, 'Data.TotalCount');
  const value = data[field];
  if (value === undefined || value === null) {
    if (total === 0) return { items: [], total };
    throw new ShapeProblem(`Data.${field} is missing`);
  }
  const items = Array.isArray(value)
    ? value
    : asArray(asObject(value, `Data.${field}`)[inner] ?? [], `Data.${field}.${inner}`);
  return { items, ...(total !== undefined && { total }) };
}

/** An identifier the vendor writes as a string or a number (`InstanceID: 1049056`). */
export function bssId(value: unknown, what: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ShapeProblem(`${what} is missing`);
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
