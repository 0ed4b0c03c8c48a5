import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomicInBackground } from '../../../src/artifacts/write-json';

describe('writeJsonAtomicInBackground', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'tb-json-'));

  it('writes the value as it was when called, whole, and leaves no temporary file', async () => {
    const folder = dir();
    const path = join(folder, 'deep', 'manifest.json');
    // Multi-byte text: the write is counted in bytes, the string in UTF-16 units.
    const value = {
      nodes: Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [`n${i}`, { i, room: `部屋${i}` }])),
    };
    const written = writeJsonAtomicInBackground(path, value);
    value.nodes.n0 = { i: -1, room: '' }; // a change after the call is not written
    await written;
    const read = JSON.parse(readFileSync(path, 'utf8')) as typeof value;
    expect(Object.keys(read.nodes)).toHaveLength(20000);
    expect(read.nodes.n0).toEqual({ i: 0, room: '部屋0' });
    expect(read.nodes.n19999).toEqual({ i: 19999, room: '部屋19999' });
    expect(readdirSync(join(folder, 'deep'))).toEqual(['manifest.json']);
  });

  it('replaces an earlier file only once the new one is complete', async () => {
    const folder = dir();
    const path = join(folder, 'manifest.json');
    writeFileSync(path, '{"old":true}\n');
    const written = writeJsonAtomicInBackground(path, { old: false });
    expect(readFileSync(path, 'utf8')).toBe('{"old":true}\n'); // readers see the old file meanwhile
    await written;
    expect(readFileSync(path, 'utf8')).toBe('{"old":false}\n');
  });

  it('fails with the file system error when the folder cannot be made', () => {
    const folder = dir();
    // A file where the folder should be (permissions would not stop root, who runs CI).
    writeFileSync(join(folder, 'blocked'), 'a file, not a folder');
    expect(() => writeJsonAtomicInBackground(join(folder, 'blocked', 'manifest.json'), {})).toThrow(
      /EEXIST|ENOTDIR/,
    );
  });
});
