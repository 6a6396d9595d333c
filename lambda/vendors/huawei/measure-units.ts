import { asArray, asObject } from '../http';

/**
 * ListMeasureUnits (`GET /v2/bases/measurements`, asked in English): measure ids to names, so a
 * package's remainder can say `minute` or `GB` rather than a number. Entries it cannot read are skipped:
 * a unit name is a label, not a fact the guard decides on.
 */
export function readMeasureUnits(json: unknown): Map<number, string> {
  const units = new Map<number, string>();
  for (const value of asArray(asObject(json, 'the answer').measure_units, 'measure_units')) {
    if (typeof value !== 'object' || value === null) continue;
    const unit = value as Record<string, unknown>;
    if (typeof unit.measure_id === 'number' && typeof unit.measure_name === 'string' && unit.measure_name !== '') {
      units.set(unit.measure_id, unit.measure_name);
    }
  }
  return units;
}
