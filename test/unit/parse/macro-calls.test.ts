import type { MacroDef } from '../../../src/core/types';
import { MacroCalls } from '../../../src/parse/macro-calls';

function def(pkg: string, name: string, macroSql = `{% macro ${name}() %}1{% endmacro %}`): MacroDef {
  return {
    uniqueId: `macro.${pkg}.${name}`,
    name,
    packageName: pkg,
    originalFilePath: `macros/${name}.sql`,
    macroSql,
    line: 1,
    kind: 'macro',
  };
}

describe('MacroCalls', () => {
  const calls = new MacroCalls([
    def('tb', 'hash'),
    def('tb', 'date_trunc'),
    def('tb', 'default__date_trunc'),
    def('tb', 'sqlite__date_trunc'),
    def('shop', 'hash'),
    def('shop', 'cents_to_yen', '{% macro cents_to_yen(c) %}round({{ c }} / 100){{ hash(c) }}{% endmacro %}'),
    def('shop', 'count'),
  ]);

  it('finds calls inside Jinja blocks only, not SQL functions of the same name', () => {
    expect(calls.calledIn('select count(*), {{ cents_to_yen("amount") }} from t')).toEqual([
      'macro.shop.cents_to_yen',
    ]);
  });

  it('resolves a name to the project macro that overrides a builtin, and dbt.name to the builtin', () => {
    expect(calls.calledIn('{{ hash("id") }}')).toEqual(['macro.shop.hash']);
    expect(calls.calledIn('{{ dbt.hash("id") }} {{ dbt.cents_to_yen(1) }}')).toEqual(['macro.tb.hash']);
    expect(calls.idOf('hash')).toBe('macro.shop.hash');
  });

  it('counts calls in branches the parse pass does not take, nested calls and dbt.name()', () => {
    const text = `{% if execute %}{{ cents_to_yen(hash('x')) }}{% endif %} {{ dbt.date_trunc('day', 'd') }}`;
    expect(calls.calledIn(text)).toEqual([
      'macro.shop.cents_to_yen',
      'macro.shop.hash',
      'macro.tb.date_trunc',
    ]);
  });

  it('ignores calls commented out with {# #}', () => {
    expect(calls.calledIn('{# {{ hash("x") }} #} select {{ cents_to_yen(1) }}')).toEqual([
      'macro.shop.cents_to_yen',
    ]);
  });

  it('ignores method calls on other objects', () => {
    expect(calls.calledIn("{{ run_started_at.hash('%Y') }} {{ x.count() }}")).toEqual([]);
  });

  it("lists every implementation an adapter.dispatch('name') may reach", () => {
    expect(calls.calledIn("{{ return(adapter.dispatch('date_trunc')(part, d)) }}")).toEqual([
      'macro.tb.default__date_trunc',
      'macro.tb.sqlite__date_trunc',
    ]);
  });

  it('gives each macro the macros its own text calls, leaving out its own name', () => {
    const [withDeps] = calls.withDependencies([
      def(
        'shop',
        'cents_to_yen',
        '{% macro cents_to_yen(c) %}{{ hash(c) }}{{ cents_to_yen(1) }}{% endmacro %}',
      ),
    ]);
    expect(withDeps.dependsOn).toEqual({ macros: ['macro.shop.hash'] });
  });
});
