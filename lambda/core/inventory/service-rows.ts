/**
 * A spreadsheet inventory as service entries: which column holds which field (by header name, or as
 * `--map column=field` says), each cell turned into the value a document would hold (lists split on
 * `;`, `,` or line breaks; true/false/yes/no; numbers), and each validation problem turned back into the
 * spreadsheet's row and column. Values are converted, never judged: validation judges them, with the same
 * messages as `validate`.
 */
import { SERVICE_FIELDS } from '../config/validate-services';
import type { ConfigProblem } from '../model';

/** A field a column can hold: a service field, or one part of a nested one (`renewalPrice.amount`). */
export const SERVICE_COLUMNS: readonly string[] = SERVICE_FIELDS.flatMap((f) =>
  f === 'renewalPrice' ? ['renewalPrice.amount', 'renewalPrice.currency'] : [f],
);

const LIST_FIELDS = new Set(['owners', 'reminderDays', 'channels', 'claims']);
const NUMBER_FIELDS = new Set(['reminderDays', 'renewalPrice.amount', 'noticeDays', 'quantity', 'quantityUsed']);
const BOOLEAN_FIELDS = new Set(['autoRenew']);
const TRUE_WORDS = new Set(['true', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'n']);

/** Where a header row sends each column: a field, or nothing (a column left out with `--map Notes=`). */
export interface ColumnPlan {
  readonly headers: readonly string[];
  /** Per column: the field it fills, or undefined when it is left out. */
  readonly fields: readonly (string | undefined)[];
}

/** A problem with the header row or the mapping itself: the import cannot read any row. */
export interface HeaderProblem {
  readonly column?: string;
  readonly message: string;
}

/**
 * Parses `--map` options (`Expiry date=expiresOn`; an empty field leaves the column out) and matches the
 * header row: a mapped column first, else a header that is a field name (case, spaces, `_` and `-`
 * aside). Every column must land somewhere, and no two on one field.
 */
export function planColumns(
  headers: readonly string[],
  maps: readonly string[],
): { plan: ColumnPlan; problems: HeaderProblem[] } {
  const problems: HeaderProblem[] = [];
  const mapped = new Map<string, string>();
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) {
      problems.push({ message: `--map "${m}": expected column=field, e.g. --map "Expiry date=expiresOn"` });
      continue;
    }
    const column = m.slice(0, eq).trim();
    const field = m.slice(eq + 1).trim();
    if (field !== '' && !SERVICE_COLUMNS.includes(field)) {
      const hint = closestColumn(field);
      problems.push({
        message: `--map "${m}": "${field}" is not a service field${hint ? `; did you mean ${hint}?` : ''} (fields: ${SERVICE_COLUMNS.join(', ')})`,
      });
      continue;
    }
    if (!headers.some((h) => h.trim() === column)) {
      problems.push({
        message: `--map "${m}": the header row has no column "${column}" (columns: ${headers.join(', ')})`,
      });
      continue;
    }
    mapped.set(column, field);
  }
  const fields = headers.map((header): string | undefined => {
    const h = header.trim();
    if (mapped.has(h)) return mapped.get(h) || undefined;
    return SERVICE_COLUMNS.find((f) => normalize(f) === normalize(h));
  });
  headers.forEach((header, i) => {
    const h = header.trim();
    if (fields[i] !== undefined || mapped.has(h)) return;
    problems.push({
      column: header,
      message:
        h === ''
          ? `column ${i + 1} has no header; name it, or leave it out`
          : `maps to no service field; map it with --map "${h}=<field>" or leave it out with --map "${h}=" (fields: ${SERVICE_COLUMNS.join(', ')})`,
    });
  });
  const firstColumn = new Map<string, number>();
  fields.forEach((field, i) => {
    if (field === undefined) return;
    const first = firstColumn.get(field);
    if (first === undefined) firstColumn.set(field, i);
    else problems.push({ column: headers[i], message: `fills ${field}, as column "${headers[first]}" does; keep one` });
  });
  if (!fields.includes('id')) {
    problems.push({ message: 'no column holds the service id; name one "id" or map it with --map "<column>=id"' });
  }
  return { plan: { headers, fields }, problems };
}

/** One row as a document's service entry; undefined for a row whose cells are all empty. */
export function rowToEntry(plan: ColumnPlan, cells: readonly string[]): Record<string, unknown> | undefined {
  const entry: Record<string, unknown> = {};
  plan.fields.forEach((field, i) => {
    const cell = (cells[i] ?? '').trim();
    if (field === undefined || cell === '') return;
    const value = cellValue(field, cell);
    const dot = field.indexOf('.');
    if (dot < 0) {
      entry[field] = value;
    } else {
      const parent = field.slice(0, dot);
      const nested = (entry[parent] as Record<string, unknown> | undefined) ?? {};
      nested[field.slice(dot + 1)] = value;
      entry[parent] = nested;
    }
  });
  return Object.keys(entry).length === 0 ? undefined : entry;
}

function cellValue(field: string, cell: string): unknown {
  if (LIST_FIELDS.has(field)) {
    return cell
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => (NUMBER_FIELDS.has(field) ? numberOrText(s) : s));
  }
  if (NUMBER_FIELDS.has(field)) return numberOrText(cell);
  if (BOOLEAN_FIELDS.has(field)) {
    const word = cell.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return cell;
}

/** A number written plainly (`1200`, `-3`, `12.5`); anything else stays text for validation to name. */
function numberOrText(text: string): unknown {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** A document entry (as `serviceToDocument` gives it) as the cells of `SERVICE_COLUMNS`. */
export function entryToRow(entry: Readonly<Record<string, unknown>>, columns: readonly string[]): string[] {
  return columns.map((column) => {
    const dot = column.indexOf('.');
    const value =
      dot < 0
        ? entry[column]
        : (entry[column.slice(0, dot)] as Record<string, unknown> | undefined)?.[column.slice(dot + 1)];
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map(String).join('; ');
    return String(value);
  });
}

/**
 * A validation problem of the document built from the rows, said the spreadsheet's way:
 * `row 7, column "Expiry" (expiresOn): "2026-02-30" is not a calendar date (expected YYYY-MM-DD)`.
 * `rowOf` gives the spreadsheet row of a `services[i]` index, or undefined for the document's own.
 */
export function locateProblem(
  problem: ConfigProblem,
  plan: ColumnPlan,
  rowOf: (serviceIndex: number) => number | undefined,
): string {
  const message = problem.message.replace(/services\[(\d+)\]/g, (whole, i: string) => {
    const row = rowOf(Number(i));
    return row === undefined ? whole : `row ${row}`;
  });
  const m = /^services\[(\d+)\](?:\.(.*))?$/.exec(problem.path);
  const row = m ? rowOf(Number(m[1])) : undefined;
  if (!m || row === undefined) return `${problem.path}: ${message}`;
  const rest = m[2] ?? '';
  const field = rest.replace(/\[\d+\]/g, '');
  const top = field.split('.')[0];
  const i =
    plan.fields.findIndex((f) => f === field) >= 0
      ? plan.fields.findIndex((f) => f === field)
      : plan.fields.findIndex((f) => f !== undefined && f.split('.')[0] === top);
  if (rest === '') return `row ${row}: ${message}`;
  if (i < 0) return `row ${row} (${rest}): ${message}`;
  return `row ${row}, column "${plan.headers[i]}"${plan.headers[i] === rest ? '' : ` (${rest})`}: ${message}`;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '');
}

function closestColumn(field: string): string | undefined {
  return SERVICE_COLUMNS.find((f) => normalize(f) === normalize(field));
}
