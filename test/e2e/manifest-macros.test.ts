import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

interface ManifestMacro {
  uniqueId: string;
  name: string;
  packageName: string;
  originalFilePath: string;
  macroSql: string;
  line: number;
  kind: string;
  dependsOn?: { macros: string[] };
}

const CENTS = `{% macro cents(col) -%}
  {{ cast(col ~ ' * 100', 'integer') }}
{%- endmacro %}`;

/** The `macros` section of target/manifest.json that `tb parse` writes: project macros and tb's builtins. */
describe('tb parse: macros in target/manifest.json', () => {
  const dir = writeProject({
    'project.yml': 'name: shop\nprofile: shop\n',
    'macros/money.sql': `{# money helpers #}\n\n${CENTS}\n`,
    'macros/override.sql': '{% macro datediff(a, b, part) %}my_diff({{ a }}, {{ b }}){% endmacro %}',
    'models/a.sql': "select {{ cents('price') }} as c from t",
  });
  let macros: Record<string, ManifestMacro>;
  beforeAll(() => {
    const r = runTbSync(['parse'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    macros = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')).macros;
  });

  it('keys every macro by its unique id, macro.<package>.<name>', () => {
    for (const [id, m] of Object.entries(macros)) {
      expect(id).toBe(m.uniqueId);
      expect(id).toBe(`macro.${m.packageName}.${m.name}`);
    }
  });

  it('holds a project macro with its file, line and exact SQL text, and what it calls', () => {
    expect(macros['macro.shop.cents']).toEqual({
      uniqueId: 'macro.shop.cents',
      name: 'cents',
      packageName: 'shop',
      originalFilePath: 'macros/money.sql',
      macroSql: CENTS,
      line: 3,
      kind: 'macro',
      dependsOn: { macros: ['macro.tb.cast'] },
    });
  });

  it("holds tb's builtins with their SQL, next to a project macro of the same name", () => {
    const trunc = macros['macro.tb.date_trunc'];
    expect(trunc).toMatchObject({
      name: 'date_trunc',
      packageName: 'tb',
      originalFilePath: 'tb/include/macros/cross_db.sql',
      kind: 'macro',
    });
    expect(trunc.macroSql).toMatch(/^\{% macro date_trunc\(datepart, date\) -%\}/);
    expect(trunc.macroSql).toContain("adapter.dispatch('date_trunc')");
    expect(trunc.macroSql).toMatch(/\{%- endmacro %\}$/);
    expect(trunc.dependsOn?.macros).toEqual(
      expect.arrayContaining(['macro.tb.mysql__date_trunc', 'macro.tb.sqlite__date_trunc']),
    );
    // The builtin text is the file's text, not a rendering of it.
    const file = readFileSync(join(__dirname, '..', '..', 'include', 'macros', 'cross_db.sql'), 'utf8');
    expect(file).toContain(macros['macro.tb.sqlite__date_trunc'].macroSql);
    expect(file.split('\n')[trunc.line - 1]).toContain('{% macro date_trunc(');

    // Overriding datediff keeps both: the builtin and the project's.
    expect(macros['macro.shop.datediff']).toMatchObject({
      originalFilePath: 'macros/override.sql',
      macroSql: '{% macro datediff(a, b, part) %}my_diff({{ a }}, {{ b }}){% endmacro %}',
    });
    expect(macros['macro.tb.datediff'].originalFilePath).toBe('tb/include/macros/cross_db.sql');
  });

  it('holds the builtin generic tests as test_<name>, and the schema-naming macros', () => {
    expect(macros['macro.tb.test_not_null']).toMatchObject({ name: 'test_not_null', kind: 'test' });
    expect(macros['macro.tb.test_not_null'].macroSql).toMatch(/^\{% test not_null\(/);
    expect(macros['macro.tb.generate_schema_name']).toMatchObject({
      originalFilePath: 'tb/include/macros/schema.sql',
      kind: 'macro',
    });
  });
});
