import { DiagnosticsError, TbError } from '../../../src/core/errors';
import { loadProject } from '../../../src/project/load-project';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

function parseErrors(files: Record<string, string>): TbError[] {
  const dir = writeProject({ 'project.yml': PROJECT_YML, 'models/a.sql': 'select 1 as id', ...files });
  try {
    loadProject({ projectDir: dir });
    return [];
  } catch (err) {
    if (err instanceof DiagnosticsError) return [...err.errors];
    if (err instanceof TbError) return [err];
    throw err;
  }
}

describe('macro registration', () => {
  it('reports two project macros of one name, at the second, with both places', () => {
    const errors = parseErrors({
      'macros/money.sql': '{% macro to_yen(x) %}{{ x }}{% endmacro %}\n',
      'macros/more/yen.sql': '-- again\n  {% macro to_yen(x) %}round({{ x }}){% endmacro %}\n',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'TB205',
      file: 'macros/more/yen.sql',
      line: 2,
      column: 3,
      message: "two macros are named 'to_yen': macros/money.sql:1 and macros/more/yen.sql:2",
      hint: expect.stringContaining('rename one of them'),
    });
  });

  it('accepts a project macro named like a builtin (an override) and the builtins themselves', () => {
    expect(
      parseErrors({ 'macros/hash.sql': '{% macro hash(field) %}md5({{ field }}){% endmacro %}' }),
    ).toEqual([]);
  });
});
