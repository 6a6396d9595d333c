import { mergeDocuments, mergeWithOrigins } from '../../lambda/app/merge-documents';

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

describe('where a path of the merged document was written', () => {
  const file = {
    version: 1,
    timeZone: 'UTC',
    services: [
      { id: 'a', name: 'A from file' },
      { id: 'b', name: 'B from file' },
    ],
    channels: [{ id: 'ops' }],
  };
  const merged = mergeWithOrigins(file, {
    timeZone: 'Asia/Shanghai',
    services: [
      { id: 'c', name: 'C from props' },
      { id: 'b', name: 'B from props' },
    ],
    accounts: [{ id: 'main' }],
  });

  it('maps an appended entry to its place among the props, and a replacing one to its own place too', () => {
    expect(merged.originOf('services[2].expiresOn')).toEqual({ side: 'overrides', path: 'services[0].expiresOn' });
    expect(merged.originOf('services[1].owners[0]')).toEqual({ side: 'overrides', path: 'services[1].owners[0]' });
  });

  it('keeps a file entry the props left alone at its file path', () => {
    expect(merged.originOf('services[0].name')).toEqual({ side: 'file', path: 'services[0].name' });
    expect(merged.originOf('channels[0].to[1]')).toEqual({ side: 'file', path: 'channels[0].to[1]' });
  });

  it('gives a value to the side it was taken from', () => {
    expect(merged.originOf('timeZone')).toEqual({ side: 'overrides', path: 'timeZone' });
    expect(merged.originOf('accounts[0].vendor')).toEqual({ side: 'overrides', path: 'accounts[0].vendor' });
    expect(merged.originOf('version')).toEqual({ side: 'file', path: 'version' });
  });

  it('names no single origin for a list both sides make up, nor for what neither side sets', () => {
    expect(merged.originOf('services')).toBeUndefined();
    expect(merged.originOf('checkTime')).toBeUndefined();
  });

  it('gives everything to the one side there is, but what it does not set', () => {
    expect(mergeWithOrigins(undefined, { services: [] }).originOf('version')).toBeUndefined();
    expect(mergeWithOrigins(file, undefined).originOf('services[1].id')).toEqual({
      side: 'file',
      path: 'services[1].id',
    });
    expect(mergeWithOrigins(undefined, file).originOf('services[1].id')).toEqual({
      side: 'overrides',
      path: 'services[1].id',
    });
  });
});
