import { databaseError, databaseMessage, errorLine, sqlExcerpt } from '../../../src/run/database-error';
import { compiledNode } from '../materialize/fake-node';

const sql = [
  'select id,',
  '  rent * 12 as yearly,',
  '  no_such',
  'from silver.rooms',
  'where rent > 0',
  'order by id',
  'limit 10',
].join('\n');

describe('database errors', () => {
  it("maps MySQL's `at line N` of the statement back to the model's compiled SQL", () => {
    const node = compiledNode({ name: 'moveouts', schema: 'gold', sql }).node;
    const statement = {
      sql: `CREATE TABLE \`gold\`.\`moveouts__tb_tmp\` AS\n${sql}`,
      role: 'build' as const,
      compiledSqlLine: 1,
    };
    const cause = Object.assign(new Error('x'), {
      sqlMessage: "You have an error in your SQL syntax; check the manual near 'no_such' at line 4",
      errno: 1064,
      code: 'ER_PARSE_ERROR',
    });
    const error = databaseError(node, statement, cause, sql);
    expect(error.code).toBe('TB401');
    expect(error.file).toBe('models/gold/moveouts.sql');
    expect(error.message).toContain('Database error in model moveouts (models/gold/moveouts.sql)');
    expect(error.message).toContain('compiled SQL, line 3:');
    expect(error.message).toMatch(/> 3 \| {3}no_such/);
    expect(error.message).toContain('  1 | select id,');
    expect(error.message).toContain('  5 | where rent > 0');
    expect(error.message).not.toContain('order by');
  });

  it('finds the line SQLite names by its token, and strips the SQL knex puts before the message', () => {
    expect(errorLine('no such column: no_such', sql)).toBe(3);
    expect(errorLine('near "from": syntax error', sql)).toBe(4);
    expect(errorLine("Table 'db.rooms' doesn't exist", sql)).toBe(4);
    expect(errorLine('disk I/O error', sql)).toBeUndefined();
    expect(databaseMessage(new Error(`${sql} - no such column: no_such`), sql)).toBe(
      'no such column: no_such',
    );
  });

  it('shows the first lines when the failing line is unknown', () => {
    expect(sqlExcerpt(sql)).toBe(
      [
        '  1 | select id,',
        '  2 |   rent * 12 as yearly,',
        '  3 |   no_such',
        '  4 | from silver.rooms',
        '  5 | where rent > 0',
        '  6 | order by id',
        '    | ...',
      ].join('\n'),
    );
  });

  it('shows the statement itself when a hook or generated statement failed', () => {
    const node = compiledNode({ name: 'm', schema: 's', sql: 'select 1' }).node;
    const error = databaseError(
      node,
      { sql: 'insert into audit values (1)', role: 'post_hook' },
      new Error('no such table: audit'),
    );
    expect(error.message).toContain('post_hook statement, line 1:');
    expect(error.message).toContain('> 1 | insert into audit values (1)');
  });
});
