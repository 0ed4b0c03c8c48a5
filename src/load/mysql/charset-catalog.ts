import type { SqlText } from '../table-def';
import { rawQuery, type RawMysqlConnection } from './mysql-connection';

/**
 * The character sets and collations the target server has, asked once per load, and the mapping of those it
 * lacks (MySQL 8's `utf8mb4_0900_ai_ci` on MariaDB) to the nearest one it has.
 */
export class CharsetCatalog {
  constructor(
    private readonly collations: ReadonlySet<string>,
    /** charset → its default collation */
    private readonly charsets: ReadonlyMap<string, string>,
  ) {}

  static async fromServer(conn: RawMysqlConnection): Promise<CharsetCatalog> {
    const collations = await rawQuery(
      conn,
      'SELECT COLLATION_NAME AS name FROM information_schema.COLLATIONS',
    );
    const charsets = await rawQuery(
      conn,
      'SELECT CHARACTER_SET_NAME AS name, DEFAULT_COLLATE_NAME AS def FROM information_schema.CHARACTER_SETS',
    );
    return new CharsetCatalog(
      new Set(collations.rows.map((r) => String(r.name).toLowerCase())),
      new Map(charsets.rows.map((r) => [String(r.name).toLowerCase(), String(r.def).toLowerCase()])),
    );
  }

  charset(name: string): string {
    const lower = name.toLowerCase();
    if (this.charsets.has(lower)) return lower;
    if (lower === 'utf8mb3' && this.charsets.has('utf8')) return 'utf8';
    if (lower === 'utf8' && this.charsets.has('utf8mb3')) return 'utf8mb3';
    return lower;
  }

  /** The collation itself when known; else the nearest of the same charset and strength. */
  collation(name: string): string {
    const lower = name.toLowerCase();
    if (this.collations.has(lower)) return lower;
    const cs = this.charset(lower.split('_')[0] === 'utf8mb4' ? 'utf8mb4' : lower.split('_')[0]);
    const sensitive = /_(as_cs|cs|bin)$/.test(lower);
    const candidates = sensitive
      ? [`${cs}_bin`]
      : [`${cs}_unicode_520_ci`, `${cs}_unicode_ci`, `${cs}_general_ci`];
    const found = candidates.find((c) => this.collations.has(c)) ?? this.charsets.get(cs);
    return found ?? lower;
  }

  /** The SQL text with every charset and collation name the server lacks replaced. */
  rewrite(text: SqlText): string {
    let sql = text.sql;
    for (const n of [...text.charsetNames].sort((a, b) => b.start - a.start)) {
      const mapped = n.kind === 'charset' ? this.charset(n.name) : this.collation(n.name);
      if (mapped !== n.name.toLowerCase()) sql = sql.slice(0, n.start) + mapped + sql.slice(n.end);
    }
    return sql;
  }
}
