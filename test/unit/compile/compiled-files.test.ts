import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledFiles } from '../../../src/compile/compiled-files';

describe('CompiledFiles (rewrite only what changed)', () => {
  const setup = () => {
    const target = mkdtempSync(join(tmpdir(), 'tb-compiled-'));
    const root = join(target, 'compiled');
    const file = join(root, 'shop', 'models', 'a.sql');
    const compile = (text: string) => {
      const files = CompiledFiles.open(root);
      files.write(file, text);
      files.save();
    };
    const mtime = () => statSync(file, { bigint: true }).mtimeNs;
    return { target, root, file, compile, mtime };
  };
  const later = () => new Promise((r) => setTimeout(r, 15));

  it('writes a new file, leaves an unchanged one alone, rewrites a changed one', async () => {
    const { target, file, compile, mtime } = setup();
    compile('select 1\n');
    expect(readFileSync(file, 'utf8')).toBe('select 1\n');
    expect(existsSync(join(target, 'compiled_index.json'))).toBe(true);
    const first = mtime();
    await later();
    compile('select 1\n');
    expect(mtime()).toBe(first);
    compile('select 2\n');
    expect(readFileSync(file, 'utf8')).toBe('select 2\n');
    expect(mtime()).not.toBe(first);
  });

  it('puts back a file edited by hand (same size) or deleted', async () => {
    const { file, compile } = setup();
    compile('select 1\n');
    await later();
    writeFileSync(file, 'select 9\n');
    compile('select 1\n');
    expect(readFileSync(file, 'utf8')).toBe('select 1\n');
    // An edit that kept size and even mtime is beyond any quick check; a touched mtime is enough.
    writeFileSync(file, 'select 8\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    compile('select 1\n');
    expect(readFileSync(file, 'utf8')).toBe('select 1\n');
    rmSync(file);
    compile('select 1\n');
    expect(readFileSync(file, 'utf8')).toBe('select 1\n');
  });

  it('without an index (or with a corrupt one), compares the file and keeps it when equal', async () => {
    const { target, file, compile, mtime } = setup();
    mkdirSync(join(target, 'compiled', 'shop', 'models'), { recursive: true });
    writeFileSync(file, 'select 1\n');
    const first = mtime();
    await later();
    writeFileSync(join(target, 'compiled_index.json'), '{not json');
    compile('select 1\n');
    expect(mtime()).toBe(first);
    expect(JSON.parse(readFileSync(join(target, 'compiled_index.json'), 'utf8')).version).toBe(1);
    compile('select 3\n');
    expect(readFileSync(file, 'utf8')).toBe('select 3\n');
  });

  it('keeps the entries of files a --select compile did not touch', () => {
    const { target, root, file } = setup();
    const other = join(root, 'shop', 'models', 'b.sql');
    const run = (files: [string, string][]) => {
      const compiled = CompiledFiles.open(root);
      for (const [path, text] of files) compiled.write(path, text);
      compiled.save();
    };
    run([
      [file, 'select 1\n'],
      [other, 'select 2\n'],
    ]);
    run([[file, 'select 11\n']]);
    const index = JSON.parse(readFileSync(join(target, 'compiled_index.json'), 'utf8')) as {
      files: Record<string, unknown>;
    };
    expect(Object.keys(index.files).sort()).toEqual(['shop/models/a.sql', 'shop/models/b.sql']);
    expect(readFileSync(other, 'utf8')).toBe('select 2\n');
  });
});
