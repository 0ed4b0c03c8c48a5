import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { version as nunjucksVersion } from 'nunjucks/package.json';
import { tbVersion } from '../core/version';

/**
 * tb's partial parsing: the JavaScript nunjucks compiles each template to, kept in `target/` by the
 * template's hash. A warm compile skips nunjucks' lexer, parser and code generator, which are most of
 * the cost of parsing a large project. Entries not used by a run are dropped when it saves.
 */
export class TemplateCache {
  private readonly entries: Map<string, string>;
  private readonly used = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly path: string | undefined,
    entries: Record<string, string>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** A cache kept in `path`; an unreadable or outdated file is ignored (the run is cold). */
  static open(path: string): TemplateCache {
    try {
      if (existsSync(path)) {
        const data = JSON.parse(readFileSync(path, 'utf8')) as {
          version?: string;
          entries?: Record<string, string>;
        };
        if (data.version === CACHE_VERSION && data.entries) return new TemplateCache(path, data.entries);
      }
    } catch {
      // A corrupt cache costs one cold parse, never a failure.
    }
    return new TemplateCache(path, {});
  }

  /** No file: nothing is read or written. */
  static none(): TemplateCache {
    return new TemplateCache(undefined, {});
  }

  /** The compiled code for `source`, from the cache or from `compile`. */
  code(source: string, name: string, compile: () => string): string {
    const key = createHash('sha1').update(name).update('\0').update(source).digest('base64');
    let code = this.entries.get(key);
    if (code === undefined) {
      code = compile();
      this.changed = true;
    }
    this.used.set(key, code);
    return code;
  }

  save(): void {
    if (!this.path || (!this.changed && this.used.size === this.entries.size)) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(this.used) }));
    renameSync(tmp, this.path);
  }
}

/** Compiled code depends on nunjucks and on tb's extensions: a new tb version starts cold. */
const CACHE_VERSION = `tb-${tbVersion}-nunjucks-${nunjucksVersion}`;
