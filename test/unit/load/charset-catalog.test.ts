import { CharsetCatalog } from '../../../src/load/mysql/charset-catalog';
import { parseCreateTable } from '../../../src/load/parse/create-table';

/** What MariaDB 10.11 has, in short. */
const mariadb = new CharsetCatalog(
  new Set([
    'utf8mb4_general_ci',
    'utf8mb4_unicode_ci',
    'utf8mb4_unicode_520_ci',
    'utf8mb4_bin',
    'utf8mb3_general_ci',
    'latin1_swedish_ci',
  ]),
  new Map([
    ['utf8mb4', 'utf8mb4_general_ci'],
    ['utf8mb3', 'utf8mb3_general_ci'],
    ['latin1', 'latin1_swedish_ci'],
  ]),
);

describe('CharsetCatalog', () => {
  it('maps MySQL 8 collations to the nearest the server has, and leaves known ones alone', () => {
    expect(mariadb.collation('utf8mb4_0900_ai_ci')).toBe('utf8mb4_unicode_520_ci');
    expect(mariadb.collation('utf8mb4_ja_0900_as_cs')).toBe('utf8mb4_bin');
    expect(mariadb.collation('utf8mb4_0900_bin')).toBe('utf8mb4_bin');
    expect(mariadb.collation('latin1_swedish_ci')).toBe('latin1_swedish_ci');
    expect(mariadb.charset('utf8')).toBe('utf8mb3');
  });

  it('rewrites only charset and collation names of a column, never its strings', () => {
    const table = parseCreateTable(
      "CREATE TABLE `t` (`a` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci DEFAULT 'COLLATE utf8mb4_0900_ai_ci' COMMENT 'utf8mb4_0900_ai_ci') " +
        'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci',
    );
    expect(mariadb.rewrite(table.columns[0].text)).toBe(
      "`a` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci DEFAULT 'COLLATE utf8mb4_0900_ai_ci' COMMENT 'utf8mb4_0900_ai_ci'",
    );
    expect(mariadb.rewrite(table.options)).toBe(
      'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci',
    );
  });
});

describe('parseCreateTable', () => {
  it('separates columns, the primary key, secondary indexes, foreign keys and checks', () => {
    const t = parseCreateTable(`CREATE TABLE IF NOT EXISTS \`db\`.\`movings\` (
      \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
      \`tenant_id\` int DEFAULT NULL,
      \`rent\` decimal(10,2) NOT NULL DEFAULT '0.00' CHECK (rent >= 0),
      \`flag\` bit(1) DEFAULT b'0',
      \`total\` int GENERATED ALWAYS AS ((\`rent\` * 2)) VIRTUAL,
      PRIMARY KEY (\`id\`),
      UNIQUE KEY \`u\` (\`tenant_id\`,\`id\`),
      KEY \`k\` (\`tenant_id\`(5)) USING BTREE,
      FULLTEXT KEY \`ft\` (\`tenant_id\`),
      KEY \`fn\` ((lower(\`tenant_id\`))),
      CONSTRAINT \`fk\` FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\` (\`id\`),
      CONSTRAINT \`chk\` CHECK (\`rent\` < 1000000)
    ) ENGINE=InnoDB`);
    expect(t.name).toBe('movings');
    expect(
      t.columns.map((c) => [
        c.name,
        c.type,
        c.typeArgs,
        c.unsigned,
        c.nullable,
        c.autoIncrement,
        c.generated,
      ]),
    ).toEqual([
      ['id', 'bigint', null, true, false, true, false],
      ['tenant_id', 'int', null, false, true, false, false],
      ['rent', 'decimal', '10,2', false, false, false, false],
      ['flag', 'bit', '1', false, true, false, false],
      ['total', 'int', null, false, true, false, true],
    ]);
    expect(t.primaryKey?.parts).toEqual([{ column: 'id' }]);
    expect(t.indexes.map((i) => [i.kind, i.name, i.parts.map((p) => p.column)])).toEqual([
      ['unique', 'u', ['tenant_id', 'id']],
      ['index', 'k', ['tenant_id']],
      ['fulltext', 'ft', ['tenant_id']],
      ['index', 'fn', [null]],
    ]);
    expect(t.foreignKeys.map((f) => f.sql)).toEqual([
      'CONSTRAINT `fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`)',
    ]);
    expect(t.otherItems.map((f) => f.sql)).toEqual(['CONSTRAINT `chk` CHECK (`rent` < 1000000)']);
    expect(t.options.sql).toBe('ENGINE=InnoDB');
  });
});
