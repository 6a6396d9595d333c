/**
 * DynamoDB's item size, for the storage part of the cost model: attribute names plus values, strings in
 * UTF-8, numbers about one byte per two significant digits plus one, 1 byte for booleans and nulls, and
 * 3 bytes plus 1 per element for lists and maps (DynamoDB developer guide, "Item sizes and formats").
 */
export function itemSize(item: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(significantDigits(value) / 2) + 1;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return 3 + entries.reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k) + valueSize(v), 0);
  }
  return 0;
}

function significantDigits(n: number): number {
  const digits = Math.abs(n).toString().replace('.', '').replace(/^0+/, '').replace(/e.*$/, '');
  return Math.max(1, digits.length);
}
