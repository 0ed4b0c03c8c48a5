import type { Adapter, QueryResult } from '../../../src/adapters/adapter';
import { mysqlDialect } from '../../../src/adapters/mysql/mysql-dialect';
import type { SqlDialect } from '../../../src/adapters/sql-dialect';
import { sqliteDialect } from '../../../src/adapters/sqlite/sqlite-dialect';
import { TbError } from '../../../src/core/errors';
import { runSnapshot } from '../../../src/snapshot';
import { fakeSnapshot, META, MOVINGS } from './fake-snapshot';

/** Records every statement; the INSERT of new versions fails like a full disk would. */
function failingAdapter(dialect: SqlDialect): { adapter: Adapter; log: string[] } {
  const log: string[] = [];
  const execute = async (sql: string): Promise<QueryResult> => {
    log.push(sql.split('\n')[0]);
    if (sql.startsWith('INSERT INTO'))
      throw Object.assign(new Error('boom'), { sqlMessage: 'disk full', errno: 1021 });
    if (sql.includes('COUNT(*) AS n FROM') && sql.includes('IS NULL')) return { rows: [{ n: 0 }] };
    if (sql.includes('GROUP BY') && sql.includes('tb_change_type'))
      return { rows: [{ change_type: 'update', n: 1 }] };
    return { rows: [] };
  };
  const adapter = {
    capabilities: dialect.capabilities,
    dialect,
    ensureSchema: async () => undefined,
    getRelation: async (r: { schema: string; name: string }) => ({ ...r, kind: 'table' }),
    getColumns: async (r: { name: string }) =>
      r.name.endsWith('__tb_snap_src') ? MOVINGS : [...MOVINGS, ...META],
    execute,
    withSession: async <T>(fn: (s: { execute: typeof execute }) => Promise<T>) => fn({ execute }),
    executeAtomically: async (statements: readonly string[]) => {
      for (const s of statements) await execute(s);
    },
  } as unknown as Adapter;
  return { adapter, log };
}

describe.each([
  ['mysql', mysqlDialect],
  ['sqlite', sqliteDialect],
] as const)('runSnapshot on %s', (_name, dialect) => {
  it('rolls the merge back when a statement fails, then drops its work tables', async () => {
    const { adapter, log } = failingAdapter(dialect);
    const compiled = fakeSnapshot({ strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at' });
    const error = await runSnapshot(adapter, compiled, { now: new Date('2026-02-02T00:30:00Z') }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(TbError);
    expect(error.message).toBe(
      "snapshot 'movings_snap' failed while inserting new versions: disk full (errno 1021)",
    );
    expect(error.file).toBe('snapshots/movings_snap.sql');

    const at = (prefix: string) => log.findIndex((s) => s.startsWith(prefix));
    const begin = at(dialect.beginTransaction);
    const changeSet = log.findIndex((s) => s.startsWith('CREATE TABLE') && s.includes('__tb_snap_chg'));
    expect(at('UPDATE')).toBeGreaterThan(begin);
    expect(at('ROLLBACK')).toBeGreaterThan(at('INSERT INTO'));
    expect(log).not.toContain('COMMIT');
    // MySQL commits DDL implicitly, so the change set is built before the transaction; SQLite builds it inside.
    if (dialect.capabilities.transactionalDdl) expect(changeSet).toBeGreaterThan(begin);
    else expect(changeSet).toBeLessThan(begin);
    expect(log.slice(-2)).toEqual([
      dialect.dropTable({ schema: 'snapshots', name: 'movings_snap__tb_snap_chg' }),
      dialect.dropTable({ schema: 'snapshots', name: 'movings_snap__tb_snap_src' }),
    ]);
  });
});
