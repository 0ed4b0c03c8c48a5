import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { version as nunjucksVersion } from 'nunjucks/package.json';
import { writeFileAtomic } from '../artifacts/write-json';
import { tbVersion } from '../core/version';

/** The object nunjucks' compiled code returns: `{ root, b_<block>... }`. */
export type TemplateProps = object;

/**
 * tb's partial parsing, in two layers kept in `target/`:
 * - `partial_parse.json`: the JavaScript nunjucks compiles each template to, by the template's hash. A warm
 *   compile skips nunjucks' lexer, parser and code generator.
 * - `partial_parse.v8`: V8's code cache of that JavaScript, taken after the run rendered the templates, so
 *   it holds the machine code of each template's render function too. A warm compile then neither parses
 *   nor compiles 5,000 functions: on the bench's 5,000-model project that is about a third of the parse.
 * Entries not used by a run are dropped when it saves. A code cache V8 rejects (another Node version) costs
 * one ordinary compile, never a failure.
 */
export class TemplateCache {
  private readonly entries: Map<string, Entry>;
  private readonly used = new Map<string, Loaded>();
  private changed = false;

  private constructor(
    private readonly path: string | undefined,
    entries: Map<string, Entry>,
  ) {
    this.entries = entries;
  }

  /** A cache kept in `path` (and `path` with `.v8`); an unreadable or outdated file is ignored. */
  static open(path: string): TemplateCache {
    try {
      if (existsSync(path)) {
        const data = JSON.parse(readFileSync(path, 'utf8')) as {
          version?: string;
          entries?: Record<string, [string, number, number] | string>;
        };
        if (data.version === CACHE_VERSION && data.entries) {
          const v8 = readV8(v8Path(path));
          const entries = new Map<string, Entry>();
          for (const [key, value] of Object.entries(data.entries)) {
            const [code, offset, length] = Array.isArray(value) ? value : [value, 0, 0];
            const v8Cache = v8 && length > 0 ? v8.subarray(offset, offset + length) : undefined;
            entries.set(key, { code, v8Cache });
          }
          return new TemplateCache(path, entries);
        }
      }
    } catch {
      // A corrupt cache costs one cold parse, never a failure.
    }
    return new TemplateCache(path, new Map());
  }

  /** No file: nothing is read or written. */
  static none(): TemplateCache {
    return new TemplateCache(undefined, new Map());
  }

  /** The evaluated code for `source`: from the cache, or from `compile` (nunjucks' code generator). */
  props(source: string, name: string, compile: () => string): TemplateProps {
    const key = hash('sha1', `${name}\0${source}`, 'base64');
    const known = this.used.get(key);
    if (known) return run(known.script);
    const entry = this.entries.get(key);
    const code = entry?.code ?? compile();
    if (!entry) this.changed = true;
    // The wrapper makes the code a function expression: it runs as `new Function(code)()` would.
    const script = new Script(`(function () {${code}\n})`, {
      filename: name,
      cachedData: this.path ? entry?.v8Cache : undefined,
    });
    const reuse = entry?.v8Cache && !script.cachedDataRejected ? entry.v8Cache : undefined;
    if (entry?.v8Cache && !reuse) this.changed = true;
    this.used.set(key, { code, script, v8Cache: reuse });
    return run(script);
  }

  /** Writes what this run used; code caches are taken now, after the run has rendered its templates. */
  save(): void {
    if (!this.path) return;
    const missingV8 = [...this.used.values()].some((u) => !u.v8Cache);
    if (!this.changed && !missingV8 && this.used.size === this.entries.size) return;
    const buffers: Buffer[] = [];
    const entries: Record<string, [string, number, number]> = {};
    let offset = 0;
    for (const [key, u] of this.used) {
      const data = u.v8Cache ?? u.script.createCachedData();
      buffers.push(data);
      entries[key] = [u.code, offset, data.length];
      offset += data.length;
    }
    // Two files, not one transaction: after a crash between them V8 rejects the mismatched data by its
    // checksum, which costs one cold parse.
    writeFileAtomic(v8Path(this.path), Buffer.concat(buffers));
    writeFileAtomic(this.path, JSON.stringify({ version: CACHE_VERSION, entries }));
  }
}

interface Entry {
  readonly code: string;
  readonly v8Cache?: Buffer;
}

interface Loaded {
  readonly code: string;
  readonly script: Script;
  readonly v8Cache?: Buffer;
}

function run(script: Script): TemplateProps {
  return (script.runInThisContext() as () => TemplateProps)();
}

function v8Path(path: string): string {
  return path.replace(/\.json$/, '') + '.v8';
}

function readV8(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Compiled code depends on nunjucks and on tb's extensions: a new tb version starts cold. */
const CACHE_VERSION = `tb-${tbVersion}-nunjucks-${nunjucksVersion}`;
