import { mergeDocuments } from '../../lambda/app/merge-documents';

describe('merging typed props over a config file', () => {
  const file = {
    version: 1,
    timeZone: 'UTC',
    services: [
      { id: 'a', name: 'A from file' },
      { id: 'b', name: 'B from file' },
    ],
  };

  it('lets props win: scalars replace, entries with the same id replace, others are appended', () => {
    const merged = mergeDocuments(file, {
      timeZone: 'Asia/Shanghai',
      services: [
        { id: 'b', name: 'B from props' },
        { id: 'c', name: 'C from props' },
      ],
    });

    expect(merged).toEqual({
      version: 1,
      timeZone: 'Asia/Shanghai',
      services: [
        { id: 'a', name: 'A from file' },
        { id: 'b', name: 'B from props' },
        { id: 'c', name: 'C from props' },
      ],
    });
  });

  it('keeps two props entries with one id, so validation reports the duplicate instead of one winning', () => {
    const merged = mergeDocuments(file, {
      services: [
        { id: 'b', name: 'first' },
        { id: 'b', name: 'second' },
      ],
    }) as { services: { name: string }[] };

    expect(merged.services.map((s) => s.name)).toEqual(['A from file', 'first', 'second']);
  });

  it('leaves a malformed list for validation to report', () => {
    expect(mergeDocuments({ services: 'oops' }, { services: [{ id: 'x' }] })).toEqual({ services: [{ id: 'x' }] });
    expect(mergeDocuments(file, { services: 'oops' })).toMatchObject({ services: 'oops' });
  });

  it('uses the file alone without props, and props alone without a file', () => {
    expect(mergeDocuments(file, undefined)).toBe(file);
    expect(mergeDocuments(undefined, { version: 1 })).toEqual({ version: 1 });
  });
});
