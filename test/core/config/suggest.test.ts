import { closestMatch, editDistance } from '../../../lambda/core/config/suggest';

describe('suggesting the field that was meant', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('endpiont', 'endpoint')).toBe(1);
    expect(editDistance('expireOn', 'expiresOn')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest known word, ignoring case', () => {
    expect(closestMatch('timezone', ['timeZone', 'checkTime'])).toBe('timeZone');
    expect(closestMatch('min_severity', ['minSeverity', 'secret'])).toBe('minSeverity');
    expect(closestMatch('Agora', ['agora', 'tencent'])).toBe('agora');
  });

  it('suggests nothing when no known word is close, and is stricter for short words', () => {
    expect(closestMatch('color', ['id', 'name', 'project'])).toBeUndefined();
    expect(closestMatch('to', ['id'])).toBeUndefined();
    expect(closestMatch('ids', ['id'])).toBe('id');
  });
});
