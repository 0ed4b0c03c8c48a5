import { ErrorCodes, TbError } from '../../../src/core/errors';
import { withSyntaxHint } from '../../../src/compile/template-syntax-hint';

/** nunjucks says what it expected; the hint says what to type, and an unclosed block points at its opener. */
describe('template syntax hints', () => {
  const syntax = (message: string, line?: number, column?: number) =>
    new TbError(ErrorCodes.templateSyntax, message, { file: 'm.sql', line, column });

  it('points an unclosed block, reported at the end of the file, at its opening tag', () => {
    const err = withSyntaxHint(
      syntax('parseIf: expected elif, else, or endif, got end of file'),
      'select 1\n  {% if x %}\n{% for y in z %}{% endfor %}',
    );
    expect(err).toMatchObject({ line: 2, column: 3, hint: 'this {% if %} is never closed: add {% endif %}' });
  });

  it('names the tag a missing part belongs to', () => {
    expect(withSyntaxHint(syntax('unexpected token: %}', 1, 12), '{% set x = %}').hint).toBe(
      "write {% set name = value %}: something is missing before '%}'",
    );
  });

  it('explains a stray end tag, a misspelled tag and = in a condition', () => {
    expect(
      withSyntaxHint(syntax('unknown block tag: endfor', 1, 15), '{% if x %}a{% endfor %}').hint,
    ).toMatch(/closes no open \{% for %\}/);
    expect(withSyntaxHint(syntax('unknown block tag: iff', 1, 4), '{% iff x %}').hint).toMatch(
      /^did you mean \{% if %\}\?/,
    );
    expect(withSyntaxHint(syntax('expected block end in if statement', 1, 9), '{% if x = 1 %}').hint).toMatch(
      /write ==/,
    );
  });

  it('leaves other errors and errors that have a hint alone', () => {
    const render = new TbError(ErrorCodes.templateRender, 'x is undefined', { file: 'm.sql' });
    expect(withSyntaxHint(render, '')).toBe(render);
  });
});
