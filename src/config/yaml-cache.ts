import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { types } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { version as jsYamlVersion } from 'js-yaml/package.json';
import { writeFileAtomic } from '../artifacts/write-json';
import { tbVersion } from '../core/version';

/**
 * Partial parsing of YAML files (`target/partial_parse_yaml.v8`): the data of each file as V8's structured
 * clone, by the hash of its path and text. js-yaml took 70-180 ms on the bench's 5,000-model properties
 * file; reading its clone back takes 4 ms. The clone keeps what JSON would not (NaN, Infinity, -0) and is
 * taken as soon as the file is parsed, before anything reads or decorates the data. Entries a run did not
 * use are dropped when it saves; an unreadable or outdated file costs one ordinary parse.
 */
export class YamlCache {
  private readonly used = new Map<string, Buffer>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, Buffer>,
  ) {}

  static open(path: string): YamlCache {
    try {
      const file = deserialize(readFileSync(path)) as { version?: string; entries?: Map<string, Buffer> };
      if (file.version === CACHE_VERSION && isMap(file.entries)) return new YamlCache(path, file.entries);
    } catch {
      // Absent or corrupt: parse as if there were no cache.
    }
    return new YamlCache(path, new Map());
  }

  /** The data of `text`, from the cache or from `parse` (which may throw: nothing is kept then). */
  data(path: string, text: string, parse: () => unknown): unknown {
    const key = hash('sha1', `${path}\0${text}`, 'base64');
    const known = this.used.get(key) ?? this.entries.get(key);
    if (known) {
      this.used.set(key, known);
      return deserialize(known);
    }
    const data = parse();
    this.used.set(key, serialize(data));
    this.changed = true;
    return data;
  }

  save(): void {
    if (!this.changed && this.used.size === this.entries.size) return;
    writeFileAtomic(this.path, serialize({ version: CACHE_VERSION, entries: this.used }));
  }
}

/** Not `instanceof Map`: the clone's Map may come from another realm (Jest runs tests in one). */
const isMap = (value: unknown): value is Map<string, Buffer> => types.isMap(value);

const CACHE_VERSION = `tb-${tbVersion}-js-yaml-${jsYamlVersion}`;
