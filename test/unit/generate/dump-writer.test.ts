import { DumpWriter, NET_BUFFER_LENGTH } from '../../../src/generate/sql/dump-writer';
import type { Sink } from '../../../src/generate/sink';
import type { DumpTable } from '../../../src/generate/sql/table-spec';
import { col, ID, PK } from '../../../src/generate/sql/table-spec';

class MemorySink implements Sink {
  readonly chunks: Buffer[] = [];
  get bytes(): number {
    return this.chunks.reduce((a, b) => a + b.length, 0);
  }
  write(chunk: Buffer): undefined {
    this.chunks.push(Buffer.from(chunk));
    return undefined;
  }
  async close(): Promise<void> {}
  async abort(): Promise<void> {}
  text(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }
}

const spec = { name: 't', columns: [ID, col('v', 'varchar(255) DEFAULT NULL')], keys: [PK] };

function table(rows: (string | Buffer)[], rowCount = rows.length): DumpTable {
  return { spec, rowCount, autoIncrement: rows.length + 1, rows: () => rows };
}

describe('DumpWriter', () => {
  it('packs rows into extended INSERTs that stay under net_buffer_length, as mysqldump does', async () => {
    const sink = new MemorySink();
    const rows = Array.from({ length: 3000 }, (_, i) => `(${i + 1},'${'x'.repeat(900)}')`);
    const w = new DumpWriter(sink);
    await w.table(table(rows));
    await w.end();
    const inserts = sink
      .text()
      .split('\n')
      .filter((l) => l.startsWith('INSERT INTO `t` VALUES '));
    expect(inserts.length).toBeGreaterThan(2);
    for (const line of inserts) expect(line.length).toBeLessThan(NET_BUFFER_LENGTH);
    // Full statements except the last: a statement closes only when the next row would not fit.
    for (const line of inserts.slice(0, -1)) expect(line.length).toBeGreaterThan(NET_BUFFER_LENGTH * 0.99);
    const values = inserts.map((l) => l.slice('INSERT INTO `t` VALUES '.length, -1)).join(',');
    expect(values.split('),(').length).toBe(3000);
  });

  it('writes the mysqldump sections for an empty table: lock, disable/enable keys, no INSERT', async () => {
    const sink = new MemorySink();
    const w = new DumpWriter(sink);
    await w.table(table([]));
    await w.end();
    const text = sink.text();
    expect(text).toContain(
      'DROP TABLE IF EXISTS `t`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;',
    );
    expect(text).toContain(
      'LOCK TABLES `t` WRITE;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;\n/*!40000 ALTER TABLE `t` ENABLE KEYS */;\nUNLOCK TABLES;',
    );
    expect(text).toContain(') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;');
    expect(text).not.toContain('INSERT');
  });

  it('keeps bytes of binary rows in order with the text around them', async () => {
    const sink = new MemorySink();
    const w = new DumpWriter(sink);
    await w.table(table(["(1,'a')", Buffer.from([0x28, 0x32, 0x2c, 0x27, 0xfe, 0x27, 0x29]), "(3,'c')"]));
    await w.end();
    const bytes = Buffer.concat(sink.chunks);
    const expected = Buffer.concat([
      Buffer.from("INSERT INTO `t` VALUES (1,'a'),(2,'"),
      Buffer.from([0xfe]),
      Buffer.from("'),(3,'c');\n"),
    ]);
    const at = bytes.indexOf('INSERT');
    expect(bytes.subarray(at, at + expected.length).equals(expected)).toBe(true);
  });

  it('fails when a table streams another number of rows than it announced', async () => {
    await expect(new DumpWriter(new MemorySink()).table(table(["(1,'a')"], 2))).rejects.toThrow(
      /announced 2 rows and streamed 1/,
    );
  });
});
