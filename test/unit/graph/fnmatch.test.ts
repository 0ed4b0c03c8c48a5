import { fnmatch, hasWildcard } from '../../../src/graph/fnmatch';
import { normalizePath, pathAndParents, pathGlobMatch } from '../../../src/graph/path-glob';

describe('fnmatch', () => {
  it.each([
    ['stg_movings', 'stg_*', true],
    ['int_movings', 'stg_*', false],
    ['p.staging.stg_a', '*.staging.*', true],
    ['a.b', 'a?b', true],
    ['ab', 'a?b', false],
    ['model_1', 'model_[0-9]', true],
    ['model_x', 'model_[!0-9]', true],
    ['model_1', 'model_[!0-9]', false],
    ['a[b', 'a[b', true],
    ['a.b', 'a.b', true],
    ['axb', 'a.b', false],
    ['Stg_a', 'stg_*', false],
    ['(x)+', '(x)+*', true],
  ])('%s against %s is %s', (name, pattern, expected) => {
    expect(fnmatch(name, pattern)).toBe(expected);
  });

  it('tells wildcards from plain text', () => {
    expect(hasWildcard('stg_*')).toBe(true);
    expect(hasWildcard('gold.moveouts')).toBe(false);
  });
});

describe('path globs', () => {
  it('keeps * inside one folder and lets ** cross folders', () => {
    expect(pathGlobMatch('models/gold/moveouts.sql', 'models/*/moveouts.sql')).toBe(true);
    expect(pathGlobMatch('models/gold/deep/moveouts.sql', 'models/*/moveouts.sql')).toBe(false);
    expect(pathGlobMatch('models/gold/deep/moveouts.sql', 'models/**/moveouts.sql')).toBe(true);
    expect(pathGlobMatch('models/moveouts.sql', 'models/**/moveouts.sql')).toBe(true);
    expect(pathGlobMatch('models/gold', './models/gold/')).toBe(true);
  });

  it('normalizes separators and lists a path with its folders', () => {
    expect(normalizePath('.\\models\\gold\\')).toBe('models/gold');
    expect(pathAndParents('models/gold/a.sql')).toEqual(['models/gold/a.sql', 'models/gold', 'models']);
  });
});
