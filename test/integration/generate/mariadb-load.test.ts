/**
 * A user's path: generate a scale-0.01 dump, rewrite its MySQL 8 collations with sed, pipe it
 * into the real `mariadb` client, then check the loaded database against the generator's own
 * report: row counts, dirt, BLOB bytes, and the gold figures recomputed from the loaded rows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as mysql from 'mysql2/promise';
import { generateDump } from '../../../src/generate';
import type { GenerateResult } from '../../../src/generate';
import { SilverBuilder } from '../../../src/generate/truth/silver';
import { buildGold } from '../../../src/generate/truth/gold';
import { TRUTH_COLUMNS } from '../../../src/generate/core/truth-columns';
import type { CoreTableName } from '../../../src/generate/core/truth-columns';
import { ALL_BYTES_PHOTO } from '../../../src/generate/tables/media';
import { NATIONALITY_UNMAPPED } from '../../../src/generate/nationalities';
import { parseDay } from '../../../src/generate/dates';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DB = `tbgen_${randomBytes(4).toString('hex')}`;
const CLIENT = 'mariadb -h127.0.0.1 -P3306 -uroot';

describe('a scale-0.01 dump loaded by the mariadb client', () => {
  let dir: string;
  let result: GenerateResult;
  let truth: Json;
  let conn: mysql.Connection;

  const one = async (sql: string): Promise<number> => {
    const [rows] = await conn.query(sql);
    return Number(Object.values((rows as Record<string, unknown>[])[0])[0]);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tbgen-'));
    result = await generateDump({ scale: 0.01, seed: 3, asOf: '2026-02-05', outDir: dir });
    truth = JSON.parse(fs.readFileSync(result.truthPath, 'utf8'));
    execSync(`${CLIENT} -e 'CREATE DATABASE \`${DB}\`'`);
    // Exactly what a user types; the client stops at the first error with a non-zero status.
    execSync(`sed 's/utf8mb4_0900_ai_ci/utf8mb4_unicode_ci/g' '${result.sqlPath}' | ${CLIENT} ${DB}`, {
      shell: '/bin/bash',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    conn = await mysql.createConnection({
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      database: DB,
      dateStrings: true,
      supportBigNumbers: true,
    });
  });

  afterAll(async () => {
    await conn?.end();
    execSync(`${CLIENT} -e 'DROP DATABASE IF EXISTS \`${DB}\`'`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads every table with the row count the generator reported', async () => {
    const [tables] = await conn.query('SHOW TABLES');
    const names = (tables as Record<string, string>[]).map((r) => Object.values(r)[0]);
    expect(names.sort()).toEqual(Object.keys(result.tables).sort());
    const counts: Record<string, number> = {};
    for (const name of names) counts[name] = await one(`SELECT COUNT(*) FROM \`${name}\``);
    expect(counts).toEqual(result.tables);
  });

  it('holds the dirt the truth file reports', async () => {
    const d = truth.dirt;
    for (const t of ['apartments', 'rooms', 'tenants', 'movings', 'inquiries']) {
      expect([t, await one(`SELECT COUNT(*) FROM ${t} WHERE deleted_at IS NOT NULL`)]).toEqual([
        t,
        d[`${t}.soft_deleted`],
      ]);
    }
    expect(await one('SELECT COUNT(*) FROM tenants WHERE birth_date IS NULL')).toBe(
      d['tenants.birth_date_null'],
    );
    expect(await one("SELECT COUNT(*) FROM tenants WHERE CAST(birth_date AS CHAR) = '0000-00-00'")).toBe(
      d['tenants.birth_date_zero'],
    );
    expect(await one("SELECT COUNT(*) FROM tenants WHERE birth_date = '1900-01-01'")).toBe(
      d['tenants.birth_date_1900'],
    );
    expect(await one("SELECT COUNT(*) FROM tenants WHERE birth_date > '2026-02-05'")).toBe(
      d['tenants.birth_date_after_as_of'],
    );
    const unmapped = NATIONALITY_UNMAPPED.map((u) => conn.escape(u)).join(',');
    expect(
      await one(`SELECT COUNT(*) FROM tenants WHERE nationality IS NULL OR nationality IN (${unmapped})`),
    ).toBe(d['tenants.nationality_unmapped']);
    expect(
      await one(
        'SELECT COUNT(*) FROM (SELECT 1 FROM movings GROUP BY tenant_id, room_id, movein_date HAVING COUNT(*) > 1) x',
      ),
    ).toBe(d['movings.duplicates']);
    expect(
      await one(
        "SELECT COUNT(*) FROM movings WHERE moveout_date < movein_date AND CAST(moveout_date AS CHAR) <> '0000-00-00'",
      ),
    ).toBe(d['movings.moveout_before_movein']);
    expect(await one('SELECT COUNT(*) FROM apartments WHERE latitude IS NULL')).toBe(
      d['apartments.coordinates_null'],
    );
    expect(await one('SELECT COUNT(*) FROM apartments WHERE latitude = 0')).toBe(
      d['apartments.coordinates_zero'],
    );
    expect(await one('SELECT COUNT(*) FROM movings WHERE rent = 0')).toBe(d['movings.zero_rent_total']);
    expect(await one('SELECT COUNT(*) FROM movings WHERE room_id NOT IN (SELECT id FROM rooms)')).toBe(
      d['movings.orphan_room'],
    );
    expect(await one('SELECT COUNT(*) FROM movings WHERE tenant_id NOT IN (SELECT id FROM tenants)')).toBe(
      d['movings.orphan_tenant'],
    );
    expect(
      await one("SELECT COUNT(*) FROM inquiries WHERE CAST(inquiry_date AS CHAR) = '0000-00-00 00:00:00'"),
    ).toBe(d['inquiries.zero_datetimes']);
    expect(await one("SELECT COUNT(*) FROM movings WHERE moveout_date > '2026-02-05'")).toBe(
      d['movings.future_moveout_date'],
    );
    // Compared as bytes: under a Unicode collation NUL is ignorable and would match every row.
    const nul = "INSTR(CAST(memo AS BINARY), X'00') > 0";
    expect(
      (await one(`SELECT COUNT(*) FROM tenants WHERE ${nul}`)) +
        (await one(`SELECT COUNT(*) FROM inquiries WHERE ${nul.replace('memo', 'message')}`)),
    ).toBe(d['text.nul']);
  });

  it('keeps binary data byte for byte', async () => {
    const [rows] = await conn.query('SELECT data FROM room_photos WHERE id = 1');
    expect((rows as { data: Buffer }[])[0].data.equals(ALL_BYTES_PHOTO)).toBe(true);
    expect(
      await one('SELECT COUNT(*) FROM contract_documents WHERE HEX(LEFT(signature, 8)) = "89504E470D0A1A0A"'),
    ).toBe(result.tables.contract_documents);
  });

  it('gives the truth file’s gold figures when they are recomputed from the loaded rows', async () => {
    const silver = new SilverBuilder();
    for (const [table, columns] of Object.entries(TRUTH_COLUMNS) as [CoreTableName, readonly string[]][]) {
      const [rows] = await conn.query(
        `SELECT ${columns.map((c) => `\`${c}\``).join(',')} FROM ${table} ORDER BY id`,
      );
      for (const r of rows as Record<string, string | number | null>[]) silver.add(table, (c) => r[c]);
    }
    const s = silver.finish();
    const gold = JSON.parse(JSON.stringify(buildGold(s, parseDay('2026-02-05') as number)));
    expect(s.counts).toEqual(truth.silver);
    for (const table of Object.keys(gold)) expect([table, gold[table]]).toEqual([table, truth[table]]);
  });
});
