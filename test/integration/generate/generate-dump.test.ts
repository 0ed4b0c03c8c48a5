import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { generateDump, DEFAULT_DIRT } from '../../../src/generate';
import type { GenerateResult } from '../../../src/generate';
import { dirtCount } from '../../../src/generate/dirt-rates';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tbgen-'));

describe('generateDump at scale 0.01', () => {
  let dir: string;
  let result: GenerateResult;
  let sql: string;
  let truth: Json;

  beforeAll(async () => {
    dir = tmp();
    result = await generateDump({ scale: 0.01, seed: 7, asOf: '2026-02-05', outDir: dir });
    sql = fs.readFileSync(result.sqlPath, 'latin1');
    truth = JSON.parse(fs.readFileSync(result.truthPath, 'utf8'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes gghouse_YYYYMMDD.sql and .truth.json, and no temporary file', () => {
    expect(path.basename(result.sqlPath)).toBe('gghouse_20260205.sql');
    expect(path.basename(result.truthPath)).toBe('gghouse_20260205.truth.json');
    expect(fs.readdirSync(dir).sort()).toEqual(['gghouse_20260205.sql', 'gghouse_20260205.truth.json']);
    expect(result.bytes).toBe(fs.statSync(result.sqlPath).size);
    expect(result.bytes).toBeGreaterThan(6e6);
    expect(result.bytes).toBeLessThan(16e6);
  });

  it('has 81 tables in SHOW TABLES order, about 10 of them empty, and reports their rows', () => {
    const created = [...sql.matchAll(/^CREATE TABLE `([a-z_]+)`/gm)].map((m) => m[1]);
    expect(created).toHaveLength(81);
    expect([...created].sort()).toEqual(created);
    expect(Object.keys(result.tables)).toEqual(created);
    expect(truth.tables).toEqual(result.tables);
    expect(Object.values(result.tables).filter((n) => n === 0)).toHaveLength(10);
    for (const core of ['apartments', 'rooms', 'tenants', 'movings', 'inquiries'])
      expect(result.tables[core]).toBeGreaterThan(0);
  });

  it('looks like MySQL 8.0 mysqldump output without --databases', () => {
    expect(sql.startsWith('-- MySQL dump 10.13  Distrib 8.0.')).toBe(true);
    expect(sql).toContain('/*!50503 SET NAMES utf8mb4 */;');
    expect(sql).toContain("/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;");
    expect(sql).not.toMatch(/CREATE DATABASE|^USE /m);
    expect(sql).toMatch(/\n-- Dump completed on 2026-02-05 23:[0-5]\d:[0-5]\d\n$/);
    expect(sql.match(/COLLATE=utf8mb4_0900_ai_ci;/g)).toHaveLength(81);
    expect(sql).toMatch(/KEY `idx_movings_tenant_id` \(`tenant_id`\)/);
    expect(sql.match(/^LOCK TABLES `\w+` WRITE;$/gm)).toHaveLength(81);
  });

  it('escapes text as mysqldump does: NUL, Ctrl-Z, newlines, quotes and backslashes', () => {
    for (const esc of ['\\0', '\\Z', '\\n', '\\r', "\\'", '\\"', '\\\\'])
      expect([esc, sql.includes(esc)]).toEqual([esc, true]);
    expect(sql.includes('\t')).toBe(true); // tabs are not escaped
  });

  it('holds each kind of dirt at its rate', () => {
    const t = truth.tables;
    const d = truth.dirt;
    const r = DEFAULT_DIRT;
    for (const table of ['apartments', 'rooms', 'tenants', 'inquiries']) {
      expect(d[`${table}.soft_deleted`]).toBe(dirtCount(r.softDeleted, t[table]));
    }
    expect(d['movings.soft_deleted']).toBe(dirtCount(r.softDeleted, t.movings));
    const applications = t.movings - d['movings.duplicates'];
    expect(d['movings.duplicates']).toBe(dirtCount(r.duplicateMovings, applications));
    expect(d['movings.orphan_keys']).toBe(dirtCount(r.orphanKeys, applications));
    expect(d['movings.zero_rent']).toBe(dirtCount(r.zeroRent, applications));
    expect(d['movings.moveout_before_movein']).toBe(dirtCount(r.moveoutBeforeMovein, applications));
    expect(d['tenants.birth_date_bad']).toBe(dirtCount(r.badBirthDate, t.tenants));
    expect(d['tenants.nationality_unmapped']).toBe(dirtCount(r.unmappedNationality, t.tenants));
    expect(d['apartments.coordinates_missing']).toBe(dirtCount(r.missingCoordinates, t.apartments));
    expect(d['inquiries.zero_datetimes']).toBe(dirtCount(r.zeroDates, t.inquiries));
    for (const kind of [
      'emoji',
      'halfwidth_kana',
      'newline',
      'crlf',
      'tab',
      'single_quote',
      'double_quote',
      'backslash',
      'nul',
      'ctrl_z',
    ]) {
      expect(d[`text.${kind}`]).toBeGreaterThan(0);
    }
    // And the dirt is in the text itself.
    expect((sql.match(/'0000-00-00 00:00:00'/g) ?? []).length).toBeGreaterThanOrEqual(
      d['inquiries.zero_datetimes'] + d['tenants.zero_datetimes'],
    );
    const bytes = fs.readFileSync(result.sqlPath);
    for (const text of ["'1900-01-01'", '😊', 'ｹｲﾔｸｼｮ'])
      expect([text, bytes.includes(Buffer.from(text))]).toEqual([text, true]);
  });

  it('writes a truth file consistent with itself', () => {
    const daily = truth.daily_activity_summary;
    const sum = (rows: unknown[][], i: number) => rows.reduce((a, r) => a + (r[i] as number), 0);
    expect(daily.rows).toHaveLength(daily.row_count);
    expect(daily.rows[0][0]).toBe(daily.first_date);
    expect(daily.rows[daily.rows.length - 1][0]).toBe('2026-02-05');
    const days = (Date.parse('2026-02-05') - Date.parse(daily.first_date)) / 86_400_000 + 1;
    expect(daily.row_count).toBe(2 * days);
    ['inquiries', 'applications', 'contracts_signed', 'move_ins', 'move_outs'].forEach((c, k) =>
      expect(sum(daily.rows, k + 2)).toBe(daily.totals[c]),
    );
    expect(daily.totals.contracts_signed).toBe(truth.new_contracts.rows);
    expect(daily.totals.move_outs).toBe(truth.moveouts.rows);
    expect(truth.moveout_analysis.rows).toBe(truth.moveouts.rows);
    const summary = truth.moveout_summary.rows as unknown[][];
    expect(sum(summary, 3)).toBe(truth.moveouts.rows);
    expect(sum(summary, 5)).toBe(truth.moveouts.total_revenue_sum);
    expect(sum(summary, 6)).toBe(truth.moveouts.tenure_days_sum);
    const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    for (const k of ['by_tenant_type', 'by_age_group', 'by_rent_range', 'by_region'])
      expect(total(truth.new_contracts[k])).toBe(truth.new_contracts.rows);
    for (const k of ['by_tenure_bucket', 'by_age_group', 'by_rent_range'])
      expect(total(truth.moveout_analysis[k])).toBe(truth.moveouts.rows);
    expect(total(truth.moveouts.by_reason_category)).toBe(truth.moveouts.rows);
    expect(total(truth.moveout_notices.by_status)).toBe(truth.moveout_notices.rows);
    expect(truth.silver.valid_contracts).toBeGreaterThanOrEqual(truth.new_contracts.rows);
    // Soft deletes drop rows, then each live duplicate pair collapses to one.
    const live = truth.tables.movings - truth.dirt['movings.soft_deleted'];
    expect(truth.silver.stg_movings).toBeLessThanOrEqual(live);
    expect(truth.silver.stg_movings).toBeGreaterThanOrEqual(live - truth.dirt['movings.duplicates']);
  });
});

describe('generateDump determinism and options', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const run = async (over: Partial<Parameters<typeof generateDump>[0]> = {}) => {
    const outDir = tmp();
    dirs.push(outDir);
    return generateDump({ scale: 0.01, seed: 11, asOf: '2025-10-31', outDir, ...over });
  };

  it('writes byte-identical files for the same seed and scale, others for another seed', async () => {
    const a = await run();
    const b = await run();
    const c = await run({ seed: 12 });
    expect(sha(a.sqlPath)).toBe(sha(b.sqlPath));
    expect(sha(a.truthPath)).toBe(sha(b.truthPath));
    expect(sha(c.sqlPath)).not.toBe(sha(a.sqlPath));
  });

  it('writes the same SQL gzip-compressed with --gzip', async () => {
    const plain = await run();
    const gz = await run({ gzip: true });
    expect(path.basename(gz.sqlPath)).toBe('gghouse_20251031.sql.gz');
    expect(gz.fileBytes).toBeLessThan(gz.bytes / 2);
    expect(zlib.gunzipSync(fs.readFileSync(gz.sqlPath)).equals(fs.readFileSync(plain.sqlPath))).toBe(true);
  });

  it('injects no dirt with dirtScale 0, and follows per-kind overrides', async () => {
    const clean = JSON.parse(fs.readFileSync((await run({ dirtScale: 0 })).truthPath, 'utf8'));
    for (const [kind, n] of Object.entries(clean.dirt as Record<string, number>)) {
      if (!kind.startsWith('movings.future_movein') && kind !== 'movings.zero_rent_total')
        expect([kind, n]).toEqual([kind, 0]);
    }
    const heavy = JSON.parse(
      fs.readFileSync((await run({ dirt: { 'soft-deleted': 0.2 } })).truthPath, 'utf8'),
    );
    expect(heavy.dirt['tenants.soft_deleted']).toBe(dirtCount(0.2, heavy.tables.tenants));
  });

  it('rejects bad options with a TbError naming the flag', async () => {
    await expect(run({ asOf: '2026-02-30' })).rejects.toThrow(/--as-of/);
    await expect(run({ scale: 0 })).rejects.toThrow(/--scale/);
    await expect(run({ dirt: { softDeleeted: 0.1 } })).rejects.toThrow(/unknown dirt kind/);
  });
});
