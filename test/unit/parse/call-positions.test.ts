import { callPositions } from '../../../src/parse/call-positions';

describe('callPositions', () => {
  const sql =
    "select *\nfrom {{ ref('a') }}\n{# {{ ref('a') }} #}\njoin {{ ref(\"pkg\", 'a') }}, {{ ref('a') }}\n";

  it('finds every written call with these arguments, skipping comments', () => {
    expect(callPositions(sql, 'ref', ['a'])).toEqual([
      { line: 2, column: 9 },
      { line: 4, column: 32 },
    ]);
    expect(callPositions(sql, 'ref', ['pkg', 'a'])).toEqual([{ line: 4, column: 9 }]);
  });

  it('matches a source by both of its arguments', () => {
    const text = "{{ source('pms', 'rooms') }} {{ source('pms', 'roomz') }}";
    expect(callPositions(text, 'source', ['pms', 'roomz'])).toEqual([{ line: 1, column: 33 }]);
  });
});
