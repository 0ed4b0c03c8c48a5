import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

/** `--vars` given as JSON through the real executable (the YAML form is covered elsewhere). */
describe('tb --vars as JSON', () => {
  const dir = writeProject({
    'project.yml': 'name: shop\nprofile: shop\nvars:\n  as_of: "2020-01-01"\n  n: 1\n  kept: from_project\n',
    'models/a.sql': [
      "select '{{ var('as_of') }}' as as_of,",
      "  {{ var('n') + 1 }} as n_plus_one,",
      "  '{{ var('kept') }}' as kept,",
      "  '{{ var('opts').mode }}' as mode,",
      "  {% if var('opts').strict == true %}true{% else %}false{% endif %} as strict,",
      "  {{ var('ids') | join(' + ') }} as id_sum,",
      "  {{ 'null' if var('nothing') is none else 'not_null' }} as nothing",
    ].join('\n'),
  });

  it('reads strings, numbers, booleans, objects, arrays and null, over the project vars', () => {
    const vars = JSON.stringify({
      as_of: '2026-02-05',
      n: 41,
      opts: { mode: 'full', strict: true },
      ids: [1, 2, 3],
      nothing: null,
    });
    const r = runTbSync(['compile', '-s', 'a', '--vars', vars], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      [
        "select '2026-02-05' as as_of,",
        '  42 as n_plus_one,',
        "  'from_project' as kept,",
        "  'full' as mode,",
        '  true as strict,',
        '  1 + 2 + 3 as id_sum,',
        '  null as nothing',
      ].join('\n'),
    );
  });

  it('takes JSON written over several lines, with escaped quotes', () => {
    const vars =
      '{\n  "as_of": "it\\"s",\n  "n": 0,\n  "opts": {"mode": "m", "strict": false},\n  "ids": [5],\n  "nothing": 1\n}';
    const r = runTbSync(['compile', '-s', 'a', '--vars', vars], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`select 'it"s' as as_of,\n  1 as n_plus_one,`);
    expect(r.out).toContain("'m' as mode,\n  false as strict,\n  5 as id_sum,\n  not_null as nothing");
  });

  it('refuses JSON that is not an object, and broken JSON, as a usage error naming --vars', () => {
    for (const bad of ['[1, 2]', '{"as_of": "2026-02-05"', '"text"']) {
      const r = runTbSync(['compile', '-s', 'a', '--vars', bad], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('[TB106] --vars');
      expect(r.out).not.toContain('select');
    }
  });
});
