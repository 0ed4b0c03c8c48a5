import { readYaml } from '../../../src/config/render-yaml';
import type { TbError } from '../../../src/core/errors';

/** Errors in YAML files point at the key itself, with its column, and a syntax error says what to fix. */
describe('YAML positions', () => {
  const file = readYaml(
    'p.yml',
    'models:\n  - name: a\n    config:\n      materalized: table\n    tests: [unique, not_null]\n',
  );

  it('gives the position of a mapping key and of a list item', () => {
    expect(file.positionOf(['models', 0, 'config', 'materalized'])).toEqual({ line: 4, column: 7 });
    expect(file.positionOf(['models', 0, 'tests', 1])).toEqual({ line: 5, column: 21 });
    expect(file.lineOf(['models', 0, 'name'])).toBe(2);
  });

  it('falls back to the key of the nearest written ancestor', () => {
    expect(file.positionOf(['models', 0, 'config', 'absent'])).toEqual({ line: 3, column: 5 });
  });

  it('gives a syntax error a position, a message without it repeated, and a hint', () => {
    let err: TbError | undefined;
    try {
      readYaml('bad.yml', 'a:\n\tb: 1\n');
    } catch (e) {
      err = e as TbError;
    }
    expect(err).toMatchObject({
      code: 'TB101',
      line: 2,
      column: 1,
      message: 'invalid YAML: Tabs are not allowed as indentation',
      hint: expect.stringMatching(/spaces/),
    });
  });
});
