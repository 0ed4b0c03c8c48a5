import type { DumpStatement } from '../../../src/load/parse/dump-statement';
import { DumpError } from '../../../src/load/parse/dump-error';
import { DumpParser } from '../../../src/load/parse/dump-parser';
import type { ServerVersion } from '../../../src/load/parse/server-version';
import { KIND_MASK, SPAN_WIDTH, type RowSpans } from '../../../src/load/parse/value-spans';
import { unescapeString } from '../../../src/load/values/unescape';

const MYSQL8: ServerVersion = { mariadb: false, version: 80036 };
const MARIADB: ServerVersion = { mariadb: true, version: 101119 };

/** Every event as plain data: statements by kind, rows as [kind, decoded value] pairs. */
function parse(input: string | Buffer, chunk = 1 << 20, server = MYSQL8): unknown[] {
  const events: unknown[] = [];
  const parser = new DumpParser(
    {
      statement: (s: DumpStatement) =>
        events.push(
          s.kind === 'create-table'
            ? ['create', s.table.name]
            : s.kind === 'drop-table'
              ? ['drop', ...s.names]
              : [s.kind, s.kind === 'skip' ? s.what : ''],
        ),
      insertStart: (h) => events.push(['insert', h.table, h.columns, h.verb, h.ignore]),
      row: (buf: Buffer, row: RowSpans) => {
        const values: unknown[] = [];
        for (let i = 0; i < row.count; i++) {
          const o = i * SPAN_WIDTH;
          const kind = row.spans[o] & KIND_MASK;
          const body =
            kind === 3
              ? unescapeString(buf, row.spans[o + 1], row.spans[o + 2], row.spans[o])
              : buf.subarray(row.spans[o + 1], row.spans[o + 2]);
          values.push([kind, body.toString('latin1')]);
        }
        events.push(['row', values]);
      },
      insertEnd: () => events.push(['end']),
    },
    { file: 'dump.sql', server },
  );
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input);
  for (let i = 0; i < buf.length; i += chunk) parser.feed(buf.subarray(i, i + chunk));
  parser.end();
  return events;
}

function parseError(input: string): DumpError {
  try {
    parse(input);
  } catch (err) {
    expect(err).toBeInstanceOf(DumpError);
    return err as DumpError;
  }
  throw new Error('expected a DumpError');
}

const TABLE = 'CREATE TABLE `t` (`a` int, `b` text, `c` blob);\n';

describe('DumpParser', () => {
  it('reads every literal form a dump writes', () => {
    const sql =
      TABLE +
      "INSERT INTO `t` VALUES (1,'it\\'s ''x'' \\\\ \\0\\n\\r\\t\\Z \\% \\_ \\\"',_binary 'b\\0'),(-2.5e-3,NULL,0x00FF),(+.5,_utf8mb4'日本',X'4142'),(0,b'101',0b11);\n";
    expect(parse(sql).slice(1)).toEqual([
      ['insert', 't', null, 'insert', false],
      [
        'row',
        [
          [2, '1'],
          [3, "it's 'x' \\ \0\n\r\t\x1a \\% \\_ \""],
          [3, 'b\0'],
        ],
      ],
      [
        'row',
        [
          [2, '-2.5e-3'],
          [1, 'NULL'],
          [4, '00FF'],
        ],
      ],
      [
        'row',
        [
          [2, '+.5'],
          [3, Buffer.from('日本').toString('latin1')],
          [4, '4142'],
        ],
      ],
      [
        'row',
        [
          [2, '0'],
          [5, '101'],
          [5, '11'],
        ],
      ],
      ['end'],
    ]);
  });

  it('gives the same events whatever the chunk size (statements and rows cut anywhere)', () => {
    const sql =
      '/*M!999999\\- enable the sandbox mode */ \r\n-- comment ; with a semicolon\r\n# hash comment\r\n' +
      TABLE.replace('\n', '\r\n') +
      "INSERT INTO `t` (`a`,`b`) VALUES\r\n(1,'a;b'),\r\n(2,'c)d'),(3,'\\'')  ;\r\n" +
      'DELIMITER ;;\r\nCREATE DEFINER=`x`@`%` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET @a = 1; END ;;\r\nDELIMITER ;\r\n' +
      "INSERT INTO t VALUES (4,'" +
      'long '.repeat(5000) +
      "',NULL);";
    const whole = parse(sql);
    expect(whole.filter((e) => (e as unknown[])[0] === 'row')).toHaveLength(4);
    expect(whole).toContainEqual(['skip', 'trigger']);
    for (const chunk of [1, 2, 3, 7, 64, 1000]) expect(parse(sql, chunk)).toEqual(whole);
  });

  it('judges conditional comments against the server version, as a server would', () => {
    const sql =
      '/*!40101 SET NAMES utf8mb4 */;\n/*!99999 CREATE TABLE never (a int) */;\n' +
      '/*M!100100 CREATE TABLE only_mariadb (a int) */;\n/*!50001 CREATE TABLE `from50001` (a int) */;\n';
    const names = (server: ServerVersion) =>
      parse(sql, 1 << 20, server)
        .filter((e) => (e as unknown[])[0] === 'create')
        .map((e) => (e as string[])[1]);
    expect(names(MYSQL8)).toEqual(['from50001']);
    // MariaDB 10.11 is version 101119: every five-digit version runs there, hence MariaDB's own /*M!NNNNNN form.
    expect(names(MARIADB)).toEqual(['never', 'only_mariadb', 'from50001']);
    expect(names({ mariadb: false, version: 40000 })).toEqual([]);
  });

  it('classifies what a managed server refuses and what bronze does not keep', () => {
    const sql =
      "SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ 'uuid:1-5';\nSET @@SESSION.SQL_LOG_BIN= 0;\n" +
      "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `gghouse` /*!80016 DEFAULT ENCRYPTION='N' */;\nUSE `gghouse`;\n" +
      'LOCK TABLES `t` WRITE;\nUNLOCK TABLES;\n/*!50001 CREATE ALGORITHM=UNDEFINED */ /*!50013 DEFINER=`a`@`%` SQL SECURITY DEFINER */ /*!50001 VIEW `v` AS select 1 AS `x` */;\n' +
      'DROP TABLE IF EXISTS `a`, `b`;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;\n';
    expect(parse(sql)).toEqual([
      ['skip', 'GTID_PURGED'],
      ['skip', 'SQL_LOG_BIN'],
      ['ignore', ''],
      ['ignore', ''],
      ['ignore', ''],
      ['ignore', ''],
      ['skip', 'view'],
      ['drop', 'a', 'b'],
      ['ignore', ''],
    ]);
  });

  it('points at the byte, line and table of bad input, with a snippet', () => {
    const err = parseError(TABLE + "INSERT INTO `t` VALUES (1,'a',NULL),\n(2,'b' 'c',NULL);\n");
    const input = TABLE + "INSERT INTO `t` VALUES (1,'a',NULL),\n(2,'b' 'c',NULL);\n";
    expect(err.offset).toBe(Buffer.from(input).indexOf(" 'c'") + 1);
    expect(err.line).toBe(3);
    expect(err.table).toBe('t');
    expect(err.format()).toBe(
      `dump.sql: byte ${err.offset} (line 3), table \`t\`: [TB501] expected ',' or ')' after a value, found ''': ` +
        "...RT INTO `t` VALUES (1,'a',NULL),\\n(2,'b' ⟨here⟩'c',NULL);\\n...",
    );
  });

  it('calls a dump that ends early truncated, wherever it ends', () => {
    const sql = TABLE + "INSERT INTO `t` VALUES (1,'abc',NULL),(2,'def',NULL);\n";
    for (const cut of [10, TABLE.length + 20, sql.indexOf("'def") + 2, sql.length - 3]) {
      const err = parseError(sql.slice(0, cut));
      expect(err.code).toBe('TB502');
    }
  });

  it('refuses what a server would refuse', () => {
    expect(parseError('INSERT INTO t SELECT 1;').message).toMatch(/INSERT \.\.\. VALUES/);
    expect(parseError("INSERT INTO `t` VALUES ('unclosed);\nmore").code).toBe('TB502');
    expect(parseError(TABLE + 'INSERT INTO `t` VALUES (1,2,3x);').message).toMatch(/found 'x'/);
    expect(parseError(TABLE + 'INSERT INTO `t` VALUES (1.2.3,2,3);').message).toMatch(/malformed number/);
    expect(parseError('GRANT ALL ON *.* TO x;').message).toMatch(/unsupported statement 'GRANT ALL/);
  });
});
