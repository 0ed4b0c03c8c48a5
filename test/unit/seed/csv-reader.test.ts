import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TbError } from '../../../src/core/errors';
import { openCsv } from '../../../src/seed/csv-reader';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tb-seed-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(
  filePath: string,
  delimiter?: string,
): Promise<{ header: readonly string[]; rows: string[][] }> {
  const csv = await openCsv({ filePath, delimiter });
  const rows: string[][] = [];
  for await (const batch of csv.batches) rows.push(...batch);
  return { header: csv.header, rows };
}

async function failure(filePath: string): Promise<TbError> {
  try {
    await readAll(filePath);
  } catch (err) {
    return err as TbError;
  }
  throw new Error('expected an error');
}

describe('openCsv', () => {
  it('keeps quoted delimiters, doubled quotes, CRLF and LF inside fields, and drops a BOM', async () => {
    const path = file('q.csv', '\uFEFFid,memo\r\n1,"a, ""b""\r\nc"\r\n2,"x\ny"\r\n');
    expect(await readAll(path)).toEqual({
      header: ['id', 'memo'],
      rows: [
        ['1', 'a, "b"\r\nc'],
        ['2', 'x\ny'],
      ],
    });
  });

  it('reads a quote inside an unquoted field as a character, as Python csv does', async () => {
    expect((await readAll(file('r.csv', 'h\n5\'10"\n'))).rows).toEqual([['5\'10"']]);
  });

  it('uses the configured delimiter and skips blank lines', async () => {
    expect(await readAll(file('d.csv', 'a;b\n1;2,5\n\n3;4\n'), ';')).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', '2,5'],
        ['3', '4'],
      ],
    });
  });

  it('streams batches across the batch size without losing rows', async () => {
    const body = Array.from({ length: 4500 }, (_, i) => `${i},v${i}`).join('\n');
    const { rows } = await readAll(file('big.csv', `n,v\n${body}\n`));
    expect(rows).toHaveLength(4500);
    expect(rows[4499]).toEqual(['4499', 'v4499']);
  });

  it('names file and line of a row with the wrong number of fields, after a multi-line record', async () => {
    const path = file('w.csv', 'a,b,c\n1,2,3\n"x\ny",2,3\n1,2\n4,5,6\n');
    const err = await failure(path);
    expect(err.code).toBe('TB601');
    expect(err.file).toBe(path);
    expect(err.line).toBe(5);
    expect(err.message).toBe('line 5 has 2 fields, the header has 3');
  });

  it('names the line where an unclosed quote starts, not the end of the file', async () => {
    const path = file('u.csv', 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    const err = await failure(path);
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/starting on line 3 is never closed/);
  });

  it('refuses bytes that are not UTF-8 and names their line', async () => {
    const sjis = Buffer.concat([
      Buffer.from('id,name\n1,ok\n2,'),
      Buffer.from([0x82, 0xa0]),
      Buffer.from('\n'),
    ]);
    const err = await failure(file('sjis.csv', sjis));
    expect(err.line).toBe(3);
    expect(err.message).toBe('line 3 is not valid UTF-8');
  });

  it('refuses an empty file and a missing one', async () => {
    expect((await failure(file('empty.csv', ''))).message).toMatch(/needs a header row/);
    expect((await failure(join(dir, 'nope.csv'))).message).toBe('seed file not found');
  });
});
