import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

/** `state:modified` must see a change in any macro a model reaches, directly, through other macros or dispatch. */
describe('state:modified and macros', () => {
  const MACROS = `{% macro cents_to_yen(c) %}{{ round_to(c ~ ' / 100') }}{% endmacro %}
{% macro round_to(x) %}round({{ x }}, 0){% endmacro %}
{% macro thing() %}{{ return(adapter.dispatch('thing')()) }}{% endmacro %}
{% macro default__thing() %}1{% endmacro %}
{% macro sqlite__thing() %}2{% endmacro %}
`;
  const saved = writeProject({
    'project.yml': 'name: shop\nprofile: shop\n',
    'macros/money.sql': MACROS,
    'models/yen.sql': "select {{ cents_to_yen('amount') }} as yen from (select 100 as amount) t",
    'models/plain.sql': 'select 1 as id',
    'models/dispatched.sql': 'select {{ thing() }} as t',
    'models/guarded.sql':
      "{% if execute %}select {{ round_to('1.5') }} as r{% else %}select 1 as r{% endif %}",
  });
  beforeAll(() => expect(runTbSync(['parse'], saved).code).toBe(0));

  function modifiedAfter(edit: (macros: string) => string, selector = 'state:modified'): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'tb-state-'));
    cpSync(saved, dir, { recursive: true, filter: (p) => !p.includes('target') });
    writeFileSync(join(dir, 'macros/money.sql'), edit(MACROS));
    const r = runTbSync(['ls', '-s', selector, '--state', join(saved, 'target'), '--output', 'name'], dir);
    expect(r.code).toBe(0);
    return r.out.trim().split('\n').filter(Boolean).sort();
  }

  it('records the macros each model calls in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(saved, 'target', 'manifest.json'), 'utf8'));
    expect(manifest.nodes['model.shop.yen'].dependsOn.macros).toEqual(['macro.shop.cents_to_yen']);
    expect(manifest.nodes['model.shop.plain'].dependsOn.macros).toEqual([]);
    expect(manifest.macros['macro.shop.cents_to_yen'].dependsOn.macros).toEqual(['macro.shop.round_to']);
  });

  it('marks a model modified when a macro it reaches through another macro changes', () => {
    const edit = (m: string) => m.replace('round({{ x }}, 0)', 'round({{ x }}, 1)');
    expect(modifiedAfter(edit)).toEqual(['guarded', 'yen']);
    expect(modifiedAfter(edit, 'state:modified.macros')).toEqual(['guarded', 'yen']);
    expect(modifiedAfter(edit, 'state:modified.body')).toEqual([]);
  });

  it('marks a model modified when an adapter.dispatch implementation changes', () => {
    expect(modifiedAfter((m) => m.replace('sqlite__thing() %}2', 'sqlite__thing() %}3'))).toEqual([
      'dispatched',
    ]);
  });

  it('leaves every model unmodified when no macro changed', () => {
    expect(modifiedAfter((m) => m)).toEqual([]);
  });
});
