/** Small statistics for benchmark samples: medians resist the odd slow run on a shared machine. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for reports: 3 significant digits, integers left alone. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0 || Number.isInteger(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** The per-run values of one numeric field across samples, for the results file. */
export function pluck<T>(samples: readonly T[], field: (sample: T) => number): number[] {
  return samples.map((s) => round(field(s)));
}
