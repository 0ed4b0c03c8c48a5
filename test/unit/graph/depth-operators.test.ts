import { buildDag } from '../../../src/graph/build-dag';
import { selectNodes } from '../../../src/graph/select-nodes';
import { m, manifest, model } from './graph-fixtures';

/**
 * A chain long enough to tell depths apart:
 *   a -> b -> c -> d -> e
 *   x -> c          d -> f
 *   y -> a,  y -> d   (y is d's direct parent, and also four generations up through a)
 */
const project = manifest([
  model('y'),
  model('a', { dependsOn: [m('y')] }),
  model('b', { dependsOn: [m('a')] }),
  model('x'),
  model('c', { dependsOn: [m('b'), m('x')] }),
  model('d', { dependsOn: [m('c'), m('y')] }),
  model('e', { dependsOn: [m('d')] }),
  model('f', { dependsOn: [m('d')] }),
]);
const dag = buildDag(project);
const names = (selector: string): string[] =>
  selectNodes(project, dag, { select: [selector], indirectSelection: 'empty' })
    .map((id) => id.split('.').pop() ?? id)
    .sort();

describe('graph operators with a depth', () => {
  it.each([
    // Parents two generations up: c and y (1), then b and x (2); a is three up and stays out.
    ['2+d', ['b', 'c', 'd', 'x', 'y']],
    ['2+c', ['a', 'b', 'c', 'x']],
    ['3+c', ['a', 'b', 'c', 'x', 'y']],
    ['1+c', ['b', 'c', 'x']],
    ['2+b', ['a', 'b', 'y']],
    // Children one generation down, not two.
    ['c+1', ['c', 'd']],
    ['b+1', ['b', 'c']],
    ['c+2', ['c', 'd', 'e', 'f']],
    ['y+1', ['a', 'd', 'y']],
    ['2+d+1', ['b', 'c', 'd', 'e', 'f', 'x', 'y']],
  ])('%s selects %j', (selector, expected) => {
    expect(names(selector)).toEqual(expected);
  });

  it('counts a node reached by two paths at its nearest depth', () => {
    // y is four generations above d through a, b, c, and one through its direct edge.
    expect(names('1+d')).toEqual(['c', 'd', 'y']);
    expect(names('2+d')).not.toContain('a');
    // a is a child of y at depth 1; b only at depth 2.
    expect(names('y+1')).not.toContain('b');
  });

  it('a depth covering the whole graph selects the same as the unbounded operator', () => {
    expect(names('9+d')).toEqual(names('+d'));
    expect(names('a+9')).toEqual(names('a+'));
    expect(names('+d')).toEqual(['a', 'b', 'c', 'd', 'x', 'y']);
  });
});
