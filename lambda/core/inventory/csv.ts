/**
 * CSV as RFC 4180 writes it, read and written without a library: fields separated by commas, records by
 * CRLF (LF and a lone CR are read too), a field in double quotes may hold commas, line breaks and quotes
 * doubled (`""`). A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped. Pure: text in, rows out.
 */

/** One record and the line of the text it starts on (1-based), so problems can point at it. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A text that is not CSV: where (line and column, 1-based) and why. */
export class CsvSyntaxError extends Error {
  public override readonly name = 'CsvSyntaxError';

  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

/**
 * Every record of `text`, blank lines left out. Throws CsvSyntaxError for a quote that is never closed,
 * a quote inside an unquoted field, or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 1;
  let recordLine = 1;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
  };
  const newline = (at: number): number => {
    line += 1;
    column = 1;
    return src[at] === '\r' && src[at + 1] === '\n' ? 2 : 1;
  };

  while (i < src.length) {
    const ch = src[i];
    if (ch === '"') {
      if (field !== '') {
        throw new CsvSyntaxError(
          line,
          column,
          'a quote inside an unquoted field; quote the whole field and double the quote ("")',
        );
      }
      const openLine = line;
      const openColumn = column;
      i += 1;
      column += 1;
      for (;;) {
        if (i >= src.length) throw new CsvSyntaxError(openLine, openColumn, 'this quoted field is never closed');
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            column += 2;
            continue;
          }
          i += 1;
          column += 1;
          break;
        }
        if (c === '\r' || c === '\n') {
          const step = newline(i);
          field += '\n';
          i += step;
          continue;
        }
        field += c;
        i += 1;
        column += 1;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(line, column, 'text after a closing quote; put the whole field in quotes');
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
      column += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += newline(i);
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
    column += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** RFC 4180 text: CRLF after every record, a field quoted only when it holds a comma, quote or line break. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(',') + '\r\n').join('');
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
