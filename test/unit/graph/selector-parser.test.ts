import { ErrorCodes, TbError } from '../../../src/core/errors';
import { parseCriterion, parseSelectors } from '../../../src/graph/selector-parser';

const METHODS = ['fqn', 'tag', 'path', 'file', 'config', 'state'];

function errorOf(args: readonly string[]): TbError {
  try {
    parseSelectors(args, { methods: METHODS });
  } catch (error) {
    if (error instanceof TbError) return error;
    throw error;
  }
  throw new Error('expected a TbError');
}

const one = (raw: string) => parseCriterion(raw, raw, 1, { methods: METHODS });

describe('parseSelectors', () => {
  it('unions space-separated selectors and repeated arguments alike', () => {
    const a = parseSelectors(['a b']);
    const b = parseSelectors(['a', 'b']);
    expect(a.intersections.map((i) => i.raw)).toEqual(['a', 'b']);
    expect(b.intersections.map((i) => i.raw)).toEqual(['a', 'b']);
    expect(parseSelectors(['  a\t b  ']).intersections).toHaveLength(2);
  });

  it('intersects comma-separated terms', () => {
    const union = parseSelectors(['tag:nightly,path:models/gold other']);
    expect(union.intersections).toHaveLength(2);
    const [first] = union.intersections;
    expect(first.criteria.map((c) => [c.method, c.value])).toEqual([
      ['tag', 'nightly'],
      ['path', 'models/gold'],
    ]);
    expect(first.criteria[1].column).toBe(13);
  });
});

describe('parseCriterion', () => {
  it('reads a bare name as fqn without graph operators', () => {
    expect(one('moveouts')).toMatchObject({
      method: 'fqn',
      methodArguments: [],
      value: 'moveouts',
      parents: false,
      children: false,
      childrensParents: false,
      parentsDepth: undefined,
      childrenDepth: undefined,
    });
  });

  it('picks path for a value with a slash and file for a file name', () => {
    expect(one('models/gold').method).toBe('path');
    expect(one('moveouts.sql').method).toBe('file');
    expect(one('gold.moveouts').method).toBe('fqn');
  });

  it.each([
    ['+m', { parents: true, parentsDepth: undefined, children: false }],
    ['m+', { parents: false, children: true, childrenDepth: undefined }],
    ['2+m', { parents: true, parentsDepth: 2 }],
    ['m+1', { children: true, childrenDepth: 1 }],
    ['+m+', { parents: true, children: true }],
    ['3+m+12', { parentsDepth: 3, childrenDepth: 12 }],
    ['@m', { childrensParents: true, parents: false, children: false }],
    ['@+m', { childrensParents: true, parents: true }],
  ])('reads the graph operators of %s', (raw, expected) => {
    expect(one(raw)).toMatchObject({ value: 'm', ...expected });
  });

  it('splits a dotted method into name and arguments', () => {
    expect(one('config.materialized:table+')).toMatchObject({
      method: 'config',
      methodArguments: ['materialized'],
      value: 'table',
      children: true,
    });
    expect(one('state:modified.body')).toMatchObject({ method: 'state', value: 'modified.body' });
  });
});

describe('selector errors', () => {
  it('suggests the nearest method for a typo', () => {
    const error = errorOf(['a tga:nightly']);
    expect(error.code).toBe(ErrorCodes.selectorSyntax);
    expect(error.message).toBe(
      'Invalid selector "tga:nightly" at position 3 of "a tga:nightly": "tga" is not a selector method',
    );
    expect(error.hint).toBe("did you mean 'tag'?");
    expect(error.column).toBe(3);
  });

  it('lists the valid methods when nothing is near', () => {
    expect(errorOf(['zzzzzzzz:x']).hint).toBe('valid methods: config, file, fqn, path, state, tag');
  });

  it.each([
    ['tag:', 'no value after "tag:"', 5],
    ['+', 'no node name or method:value', 2],
    ['@m+', 'the "@" prefix and the "+" suffix cannot be combined', 1],
    ['a+b', 'unexpected "+" inside "a+b"', 2],
    ['a,,b', 'empty term around ","', 3],
    ['ta-g:x', '"ta-g" is not a valid method name', 1],
    ['config.:x', 'a method name has empty parts around "."', 1],
  ])('names the selector and position for %s', (raw, problem, column) => {
    const error = errorOf([raw]);
    expect(error.message).toBe(`Invalid selector "${raw}" at position ${column}: ${problem}`);
    expect(error.column).toBe(column);
  });
});
