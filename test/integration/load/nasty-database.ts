import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Adapter, Session } from '../../../src/adapters/adapter';

/**
 * A MariaDB database with every column type and the values that break loaders: blobs with all 256 byte values,
 * emoji, Japanese, newlines, backslashes, quotes, NUL, zero dates, integer extremes, decimals, JSON, generated
 * columns, id 0 in an AUTO_INCREMENT key; plus a view, a trigger, routines and an empty table.
 */
export const NASTY_TABLES = ['all_types', 'bits', 'texts', 'blobs', 'indexed', 'many', 'parent', 'child'];
export const EMPTY_TABLES = ['empty_one'];

const DDL = [
  `CREATE TABLE all_types (
    id INT NOT NULL AUTO_INCREMENT,
    t_tiny TINYINT, t_utiny TINYINT UNSIGNED, t_small SMALLINT, t_medium MEDIUMINT, t_int INT,
    t_uint INT UNSIGNED, t_big BIGINT, t_ubig BIGINT UNSIGNED,
    t_dec DECIMAL(10,2), t_wide DECIMAL(65,30), t_float FLOAT, t_double DOUBLE,
    t_date DATE, t_datetime DATETIME, t_dt6 DATETIME(6), t_ts TIMESTAMP NULL DEFAULT NULL, t_time TIME, t_year YEAR,
    t_char CHAR(10), t_varchar VARCHAR(255), t_tinytext TINYTEXT, t_text TEXT, t_mediumtext MEDIUMTEXT,
    t_longtext LONGTEXT, t_binary BINARY(4), t_varbinary VARBINARY(64), t_tinyblob TINYBLOB,
    t_enum ENUM('a','b','c d'), t_set SET('x','y','z'), t_json JSON,
    t_virtual INT AS (t_tiny + 1) VIRTUAL, t_stored VARCHAR(20) AS (CONCAT('v', t_int)) STORED,
    PRIMARY KEY (id), KEY k_varchar (t_varchar(20)), UNIQUE KEY u_big (t_big)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `CREATE TABLE bits (id INT PRIMARY KEY, b1 BIT(1), b8 BIT(8), b64 BIT(64))`,
  `CREATE TABLE texts (id INT PRIMARY KEY, s LONGTEXT, v VARCHAR(200) COLLATE utf8mb4_bin)`,
  `CREATE TABLE blobs (id INT PRIMARY KEY, b LONGBLOB, vb VARBINARY(300))`,
  `CREATE TABLE indexed (
    id INT NOT NULL AUTO_INCREMENT, code VARCHAR(20) NOT NULL, name VARCHAR(50), body TEXT,
    PRIMARY KEY (code, id), KEY k_id (id), UNIQUE KEY u_code_name (code, name), FULLTEXT KEY ft_body (body)
  ) ENGINE=InnoDB`,
  `CREATE TABLE many (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, tenant_id INT, memo VARCHAR(100), amount DECIMAL(12,2),
    created_at DATETIME, KEY k_tenant (tenant_id))`,
  `CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20))`,
  `CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))`,
  `CREATE TABLE empty_one (id INT PRIMARY KEY, note VARCHAR(10))`,
  `CREATE VIEW v_texts AS SELECT id, v FROM texts`,
  `CREATE TRIGGER tr_parent BEFORE INSERT ON parent FOR EACH ROW SET NEW.name = CONCAT(NEW.name, '')`,
  `CREATE PROCEDURE pr_count() BEGIN SELECT COUNT(*) FROM many; SELECT 1; END`,
  `CREATE FUNCTION fn_one() RETURNS INT DETERMINISTIC RETURN 1`,
];

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

export const NASTY_TEXTS: readonly string[] = [
  'emoji 😀👍🏽 and flags 🇯🇵, a ZWJ family 👨‍👩‍👧',
  '日本語のテキスト、中野区のシェアハウス。半角ｶﾀｶﾅ',
  'line1\nline2\r\nline3\rend',
  'tab\there\tand\ttrailing\t',
  'back\\slash \\\\ doubled, a literal \\n and \\t and \\0',
  "quotes ' \" ` '' \"\" \\' mixed",
  'nul\0byte\0twice',
  'percent \\% underscore \\_ literal % _',
  'ctrl-Z \x1a and bell \x07 and escape \x1b',
  '\\N',
  'N',
  'NULL',
  '',
  '   padded   ',
  ',(),;),(',
  '*/ -- # /*!50000 not a comment */ ;;',
  'x'.repeat(100_000) + '\n' + 'ü'.repeat(1000),
];

async function seedRows(db: Session, schema: string): Promise<void> {
  const q = (t: string) => `\`${schema}\`.\`${t}\``;
  const cols =
    'id, t_tiny, t_utiny, t_small, t_medium, t_int, t_uint, t_big, t_ubig, t_dec, t_wide, t_float, t_double, t_date, ' +
    't_datetime, t_dt6, t_ts, t_time, t_year, t_char, t_varchar, t_tinytext, t_text, t_mediumtext, t_longtext, ' +
    't_binary, t_varbinary, t_tinyblob, t_enum, t_set, t_json';
  const rows: unknown[][] = [
    [
      0,
      -128,
      0,
      -32768,
      -8388608,
      -2147483648,
      0,
      '-9223372036854775808',
      '0',
      '-99999999.99',
      '-99999999999999999999999999999999999.999999999999999999999999999999',
      -3.40282e38,
      -1.7976931348623157e308,
      '0000-00-00',
      '0000-00-00 00:00:00',
      '1000-01-01 00:00:00.000000',
      '1970-01-01 00:00:01',
      '-838:59:59',
      1901,
      '',
      '',
      '',
      '',
      '',
      '',
      Buffer.from([0, 0, 0, 0]),
      Buffer.alloc(0),
      Buffer.alloc(0),
      'a',
      '',
      '{}',
    ],
    [
      1,
      127,
      255,
      32767,
      8388607,
      2147483647,
      4294967295,
      '9223372036854775807',
      '18446744073709551615',
      '99999999.99',
      '99999999999999999999999999999999999.999999999999999999999999999999',
      3.40282e38,
      1.7976931348623157e308,
      '9999-12-31',
      '9999-12-31 23:59:59',
      '9999-12-31 23:59:59.999999',
      '2038-01-19 03:14:07',
      '838:59:59',
      2155,
      'ｶﾀｶﾅ',
      NASTY_TEXTS[0],
      NASTY_TEXTS[1],
      NASTY_TEXTS[2],
      NASTY_TEXTS[4],
      NASTY_TEXTS[16],
      Buffer.from([0xff, 0x00, 0x5c, 0x27]),
      ALL_BYTES.subarray(0, 64),
      ALL_BYTES.subarray(200),
      'c d',
      'x,z',
      '{"a": [1, 2.5, "\\u00e9\\n"], "b": null, "日本": "😀"}',
    ],
    [2, ...Array.from({ length: 30 }, () => null)],
    [
      3,
      0,
      1,
      -1,
      12,
      42,
      7,
      '12345678901234',
      '9007199254740993',
      '0.10',
      '0.000000000000000000000000000001',
      -0.5,
      1e-5,
      '2024-02-29',
      '2026-02-05 06:00:00',
      '2026-02-05 06:00:00.123456',
      '2026-02-05 06:00:00',
      '00:00:00',
      2026,
      'pad ',
      'trailing  ',
      NASTY_TEXTS[5],
      NASTY_TEXTS[6],
      NASTY_TEXTS[7],
      NASTY_TEXTS[9],
      Buffer.from('abcd'),
      Buffer.from('\\N'),
      Buffer.from([0x0a, 0x09, 0x0d]),
      'b',
      'x,y,z',
      '[1, -0.0, 1e300]',
    ],
  ];
  await db.execute(`SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'`);
  for (const row of rows) {
    await db.execute(`INSERT INTO ${q('all_types')} (${cols}) VALUES (${row.map(() => '?').join(',')})`, row);
  }
  await db.execute(
    `INSERT INTO ${q('bits')} VALUES (1, b'0', b'0', b'0'), (2, b'1', b'11111111', ` +
      `b'1111111111111111111111111111111111111111111111111111111111111111'), (3, NULL, b'1010', b'1000000001'), ` +
      `(4, b'1', 39, 92)`,
  );
  for (let i = 0; i < NASTY_TEXTS.length; i++) {
    await db.execute(`INSERT INTO ${q('texts')} VALUES (?, ?, ?)`, [
      i + 1,
      NASTY_TEXTS[i],
      NASTY_TEXTS[i].slice(0, 200),
    ]);
  }
  await db.execute(`INSERT INTO ${q('texts')} VALUES (100, NULL, NULL)`);
  const random = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919 + 13) % 256));
  const blobs: [number, Buffer | null, Buffer | null][] = [
    [1, ALL_BYTES, ALL_BYTES.subarray(0, 256)],
    [2, Buffer.concat([ALL_BYTES, ALL_BYTES.reverse()]), Buffer.from([0xff, 0xfe, 0xfd])],
    [3, Buffer.alloc(0), Buffer.alloc(0)],
    [4, null, null],
    [5, random, Buffer.from('\\N\t\n\\')],
    [6, Buffer.from('😀 text in a blob', 'utf8'), Buffer.from("''\\''")],
  ];
  for (const b of blobs) await db.execute(`INSERT INTO ${q('blobs')} VALUES (?, ?, ?)`, b);
  await db.execute(`INSERT INTO ${q('indexed')} (id, code, name, body) VALUES (0, 'A', 'zero', 'the first body'),
    (5, 'A', 'five', 'another body'), (6, 'B', NULL, NULL), (7, 'C', 'ｶﾀｶﾅ', '日本語 body')`);
  await db.execute(`INSERT INTO ${q('parent')} VALUES (1, 'p1'), (2, 'p2')`);
  await db.execute(`SET SESSION foreign_key_checks = 0`);
  await db.execute(`INSERT INTO ${q('child')} VALUES (1, 1), (2, 2), (3, NULL), (4, 99)`);
  await db.execute(`SET SESSION foreign_key_checks = 1`);
  const many = Array.from({ length: 3000 }, (_, i) => [
    i + 1,
    i % 97,
    i % 11 === 0 ? null : `memo ${i} 'q' \\ ${'漢'.repeat(i % 5)}`,
    `${(i * 37) % 100000}.${String(i % 100).padStart(2, '0')}`,
    `2025-${String((i % 12) + 1).padStart(2, '0')}-01 10:00:00`,
  ]);
  for (let i = 0; i < many.length; i += 500) {
    const chunk = many.slice(i, i + 500);
    await db.execute(
      `INSERT INTO ${q('many')} VALUES ${chunk.map(() => '(?,?,?,?,?)').join(',')}`,
      chunk.flat(),
    );
  }
}

/** Creates and fills `schema` through a session on which every statement runs in order. */
export async function buildNastyDatabase(db: Adapter, schema: string): Promise<void> {
  await db.execute(`DROP DATABASE IF EXISTS \`${schema}\``);
  await db.execute(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await db.withSession(async (s) => {
    await s.execute(`USE \`${schema}\``);
    for (const sql of DDL) await s.execute(sql);
    await seedRows(s, schema);
  });
}

export function mariadbDump(schema: string, flags: readonly string[], file: string): void {
  const out = execFileSync(
    '/usr/bin/mariadb-dump',
    ['-uroot', '-h127.0.0.1', '-P3306', '--routines', '--triggers', ...flags, schema],
    { maxBuffer: 1 << 30 },
  );
  writeFileSync(file, out);
}
