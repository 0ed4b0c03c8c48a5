import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { YamlCache } from '../../../src/config/yaml-cache';
import { readYaml } from '../../../src/config/render-yaml';

describe('YamlCache (partial parsing of YAML files)', () => {
  const cachePath = () => join(mkdtempSync(join(tmpdir(), 'tb-yaml-cache-')), 'target', 'cache.v8');
  const TEXT =
    'version: 2\nmodels:\n  - name: rooms\n    description: 部屋\n    meta: {ratio: .nan, big: .inf, zero: -0.0}\n';

  it('parses a file once across runs, and gives back exactly what js-yaml gave', () => {
    const path = cachePath();
    const parses: string[] = [];
    const read = (text: string) => {
      const cache = YamlCache.open(path);
      const data = readYaml('models/schema.yml', text, cache).data;
      cache.save();
      return data;
    };
    const counting = YamlCache.open(path);
    const first = counting.data('models/schema.yml', TEXT, () => {
      parses.push('first');
      return readYaml('models/schema.yml', TEXT).data;
    });
    counting.save();
    const again = YamlCache.open(path).data('models/schema.yml', TEXT, () => {
      parses.push('again');
      return undefined;
    });
    expect(parses).toEqual(['first']);
    expect(again).toEqual(first);
    // NaN, Infinity and -0 survive, which a JSON cache would have turned into null and 0.
    const meta = (again as { models: { meta: Record<string, number> }[] }).models[0].meta;
    expect(meta.ratio).toBeNaN();
    expect(meta.big).toBe(Infinity);
    expect(Object.is(meta.zero, -0)).toBe(true);
    expect(read(TEXT)).toEqual(first);
  });

  it('parses again when the text or the path changes, and keeps only what the last run used', () => {
    const path = cachePath();
    let cache = YamlCache.open(path);
    cache.data('a.yml', 'x: 1', () => ({ x: 1 }));
    cache.data('b.yml', 'x: 2', () => ({ x: 2 }));
    cache.save();
    cache = YamlCache.open(path);
    expect(cache.data('a.yml', 'x: 1', () => 'parsed')).toEqual({ x: 1 });
    expect(cache.data('a.yml', 'x: 3', () => 'parsed')).toBe('parsed');
    expect(cache.data('c.yml', 'x: 2', () => 'parsed')).toBe('parsed'); // same text, other file
    cache.save();
    const kept = deserialize(readFileSync(path)) as { entries: Map<string, Buffer> };
    expect(kept.entries.size).toBe(3); // b.yml was not used: dropped
  });

  it('keeps nothing for a file that fails to parse', () => {
    const cache = YamlCache.open(cachePath());
    expect(() => readYaml('bad.yml', 'a: [1, 2', cache)).toThrow(/bad.yml|invalid YAML/);
    expect(() => readYaml('bad.yml', 'a: [1, 2', cache)).toThrow(/invalid YAML/);
  });

  it('ignores a corrupt cache file, or one written by another version', () => {
    const path = cachePath();
    mkdirSync(dirname(path), { recursive: true });
    const foreign = serialize({ version: 'tb-0.0.0-js-yaml-0', entries: new Map([['k', serialize(1)]]) });
    for (const junk of [Buffer.from('not a v8 clone'), Buffer.alloc(0), foreign]) {
      writeFileSync(path, junk);
      const cache = YamlCache.open(path);
      expect(cache.data('a.yml', 'x: 1', () => 'parsed')).toBe('parsed');
      cache.save();
      expect(YamlCache.open(path).data('a.yml', 'x: 1', () => 'parsed again')).toBe('parsed');
    }
  });
});
