import { hash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeJsonAtomic } from '../artifacts/write-json';

/** What tb wrote to a compiled file: the hash of the text, and the file's size and mtime right after. */
type Written = readonly [digest: string, size: number, mtimeMs: number];

/**
 * Writes `target/compiled/**.sql`, skipping files whose text has not changed, so a warm compile of an
 * unchanged project writes nothing (truncating and rewriting 10,000 files took 0.5-1.7 s on this disk).
 *
 * Unchanged is decided like make or rsync's quick check: `target/compiled_index.json` holds, per file, the
 * hash of the text tb wrote and the size and mtime the file had then. Same hash, same size, same mtime: the
 * file is as tb left it, and a stat (one system call) replaces reading it (three). A file edited or deleted
 * by hand fails the check and is rewritten; without an entry, the file is read and compared.
 *
 * Files are written one after another: 64 writes in flight on libuv's thread pool took 2-4x the wall time
 * and 3-5x the kernel time of sequential writes on this disk, contending for the same directory.
 */
export class CompiledFiles {
  /** The index to save: the last one's entries (a `--select` compile leaves the other files as they were), updated. */
  private readonly written: Map<string, Written>;
  private readonly folders = new Map<string, Set<string>>();
  private readonly made = new Set<string>();
  private changed = false;

  private constructor(
    private readonly root: string,
    private readonly earlier: ReadonlyMap<string, Written>,
  ) {
    this.written = new Map(earlier);
  }

  /** The compiled files under `root` (`target/compiled`), with the index the last compile left. */
  static open(root: string): CompiledFiles {
    return new CompiledFiles(root, readIndex(indexPath(root)));
  }

  /** Writes `text` to `path` (under root) unless the file already holds it. */
  write(path: string, text: string): void {
    const key = path.slice(this.root.length + 1);
    const digest = hash('sha1', text, 'base64');
    const before = this.earlier.get(key);
    if (before && before[0] === digest) {
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats && stats.size === before[1] && stats.mtimeMs === before[2]) return;
    } else if (!before && this.exists(path) && readFileSync(path, 'utf8') === text) {
      this.written.set(key, record(digest, statSync(path)));
      this.changed = true;
      return;
    }
    this.changed = true;
    this.makeFolder(dirname(path));
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, text);
      this.written.set(key, record(digest, fstatSync(fd)));
    } finally {
      closeSync(fd);
    }
  }

  /** Saves the index when this compile wrote or checked a file it had no entry for. */
  save(): void {
    if (!this.changed) return;
    writeJsonAtomic(indexPath(this.root), { version: 1, files: Object.fromEntries(this.written) });
  }

  /** Each folder made once: a recursive mkdir per file cost 160 ms of a cold compile of 10,000 files. */
  private makeFolder(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }

  /** Whether `path` exists, from one listing of its folder: a cold compile does not look for 10,000 files. */
  private exists(path: string): boolean {
    const dir = dirname(path);
    let names = this.folders.get(dir);
    if (!names) {
      names = new Set(listing(dir));
      this.folders.set(dir, names);
    }
    return names.has(basename(path));
  }
}

function record(digest: string, stats: Stats): Written {
  return [digest, stats.size, stats.mtimeMs];
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function indexPath(root: string): string {
  return join(dirname(root), 'compiled_index.json');
}

/** An unreadable or foreign index is no index: every file is then read and compared once. */
function readIndex(path: string): Map<string, Written> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {
      version?: number;
      files?: Record<string, Written>;
    };
    if (data.version === 1 && data.files && typeof data.files === 'object') {
      return new Map(Object.entries(data.files).filter(([, w]) => Array.isArray(w) && w.length === 3));
    }
  } catch {
    // Absent or corrupt.
  }
  return new Map();
}
