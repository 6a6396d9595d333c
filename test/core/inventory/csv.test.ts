import { CsvSyntaxError, formatCsv, parseCsv } from '../../../lambda/core/inventory/csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields separated by commas, one record per line', () => {
    expect(parseCsv('id,name\nlive-rtc,Live app RTC\n')).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['live-rtc', 'Live app RTC'] },
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and counts lines for the next record', () => {
    const text = 'a,b\r\n"x, y","say ""hi""\r\nsecond line"\r\nz,""\r\n';

    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\nsecond line'] },
      { line: 4, fields: ['z', ''] },
    ]);
  });

  it('drops a UTF-8 byte-order mark, so the first header is read as written', () => {
    expect(parseCsv('\ufeffid,name\r\nx,语音房')[0]!.fields).toEqual(['id', 'name']);
    expect(parseCsv('\ufeffid,name\r\nx,语音房')[1]!.fields).toEqual(['x', '语音房']);
  });

  it('accepts CRLF, LF and a lone CR, a missing final line break, and skips blank lines', () => {
    expect(parseCsv('a,b\r\n\r\n1,2\r3,4\n5,6').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields, leading and trailing', () => {
    expect(parseCsv(',x,\n')[0]!.fields).toEqual(['', 'x', '']);
  });

  it('refuses a quote that is never closed, naming where it opened', () => {
    expect(() => parseCsv('a,b\n1,"open\nmore')).toThrow(new CsvSyntaxError(2, 3, 'this quoted field is never closed'));
  });

  it('refuses a quote inside an unquoted field and text after a closing quote', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/line 1, column 4: a quote inside an unquoted field/);
    expect(() => parseCsv('"a"b,c\n')).toThrow(/line 1, column 4: text after a closing quote/);
  });
});

describe('formatCsv', () => {
  it('quotes only what needs it and ends every record with CRLF', () => {
    expect(
      formatCsv([
        ['id', 'note'],
        ['x', 'a, "b"\nc'],
        ['y', ' padded'],
      ]),
    ).toBe('id,note\r\nx,"a, ""b""\nc"\r\ny," padded"\r\n');
  });

  it('is read back by parseCsv as it was written', () => {
    const rows = [
      ['id', 'owners', 'name'],
      ['a', 'x@example.com; y@example.com', 'He said "go", then left\r\nthe room'],
      ['b', '', '语音房'],
    ];
    expect(parseCsv(formatCsv(rows)).map((r) => r.fields)).toEqual(
      rows.map((r) => r.map((f) => f.replace(/\r\n/g, '\n'))),
    );
  });
});
