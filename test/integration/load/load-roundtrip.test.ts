import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../../src/adapters/create-adapter';
import type { Adapter } from '../../../src/adapters/adapter';
import type { SqliteAdapter } from '../../../src/adapters/sqlite/sqlite-adapter';
import { loadDump } from '../../../src/load';
import { mysqlTarget, sqliteTarget, uniqueSuffix } from '../../helpers/targets';
import { checksums, compareWithSqlite } from './compare';
import { EMPTY_TABLES, NASTY_TABLES, buildNastyDatabase, mariadbDump } from './nasty-database';

/** Real mariadb-dump output in several modes, loaded into MariaDB (both write paths) and SQLite. */
const MODES: [string, string[]][] = [
  ['extended inserts', []],
  ['single-row inserts with --hex-blob', ['--skip-extended-insert', '--hex-blob']],
  [
    '--compact --complete-insert, small statements',
    ['--compact', '--complete-insert', '--net-buffer-length=4096'],
  ],
  [
    '--insert-ignore --no-autocommit --add-drop-database --databases',
    ['--insert-ignore', '--no-autocommit', '--add-drop-database', '--databases'],
  ],
];

const tag = `tbload_${uniqueSuffix()}`;
const sourceSchema = `${tag}_src`;
let mysql: Adapter;
let dir: string;
const created: string[] = [];

beforeAll(async () => {
  mysql = createAdapter(mysqlTarget(`${tag}_main`));
  created.push(`${tag}_main`, sourceSchema);
  await buildNastyDatabase(mysql, sourceSchema);
  dir = mkdtempSync(join(tmpdir(), 'tbload-dumps-'));
  MODES.forEach(([, flags], i) => mariadbDump(sourceSchema, flags, join(dir, `mode${i}_20260205.sql`)));
});

afterAll(async () => {
  for (const s of created) await mysql.dropSchema(s);
  await mysql.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(MODES.map(([name], i) => [name, i] as const))('a dump with %s', (_name, i) => {
  const file = () => join(dir, `mode${i}_20260205.sql`);

  // `spooled`: 2 KB batches and a 12 KB memory bound, so that nearly every batch waits in the spool file;
  // `unspooled`: the same with no spool (--spool-mb 0), so that the tokenizer waits for the sessions.
  it.each(['auto', 'insert', 'spooled', 'unspooled'] as const)(
    'loads into MariaDB (method %s): every table checksums like the original',
    async (method) => {
      const staging = `${tag}_stg${i}${method[0]}`;
      created.push(staging);
      const result = await loadDump(mysql, file(), {
        schema: staging,
        jobs: 2,
        mysqlMethod: method === 'insert' ? 'insert' : 'auto',
        batchBytes: method.endsWith('spooled') ? 2048 : undefined,
        spoolBytes: method === 'unspooled' ? 0 : undefined,
      });
      const loaded = (await mysql.listRelations(staging)).map((r) => r.name);
      expect(loaded.sort()).toEqual([...NASTY_TABLES].sort());
      expect(await checksums(mysql, staging, NASTY_TABLES)).toEqual(
        await checksums(mysql, sourceSchema, NASTY_TABLES),
      );
      expect(result.tables.find((t) => t.name === EMPTY_TABLES[0])?.status).toBe('dropped-empty');
      expect(result.dumpDate).toBe('2026-02-05');
      expect(result.warnings.join('\n')).toMatch(/skipped 1 trigger statement: tr_parent/);
      // The deferred indexes are there, the foreign key is not (bronze keeps orphans).
      const { rows } = await mysql.execute(
        `SELECT INDEX_NAME AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'indexed'
         GROUP BY INDEX_NAME ORDER BY INDEX_NAME`,
        [staging],
      );
      expect(rows.map((r) => r.n)).toEqual(['ft_body', 'k_id', 'PRIMARY', 'u_code_name']);
      expect(await mysql.schemaExists(`${staging}__tb_load`)).toBe(false);
      const log = await mysql.execute(
        `SELECT status, rows_loaded, tables_loaded, dump_date FROM \`${tag}_main\`.tb_load_log WHERE load_id = ?`,
        [result.loadId],
      );
      expect(log.rows).toEqual([
        {
          status: 'success',
          rows_loaded: result.rows,
          tables_loaded: NASTY_TABLES.length + 1,
          dump_date: '2026-02-05',
        },
      ]);
    },
  );

  it('loads into SQLite: every value equals the original', async () => {
    const target = sqliteTarget();
    const sqlite = createAdapter(target) as SqliteAdapter;
    try {
      const result = await loadDump(sqlite, file(), { schema: 'staging' });
      expect(result.rows).toBeGreaterThan(3000);
      const loaded = (await sqlite.listRelations('staging')).map((r) => r.name);
      expect(loaded.sort()).toEqual([...NASTY_TABLES].sort());
      for (const table of NASTY_TABLES)
        await compareWithSqlite(mysql, sourceSchema, sqlite, 'staging', table);
    } finally {
      await sqlite.close();
      rmSync(target.path, { recursive: true, force: true });
    }
  });
});
