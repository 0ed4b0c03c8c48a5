import { hasWildcard, translate } from './fnmatch';

/**
 * Path globs as `path:` selectors use them (Python's `Path.glob`): wildcards stay inside one path
 * segment, and a `**` segment matches any number of folders.
 * @see https://docs.python.org/3/library/pathlib.html#pathlib.Path.glob
 */
const cache = new Map<string, RegExp>();

/** `./models/gold/` and `models\gold` both become `models/gold`. */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/\/{2,}/g, '/');
}

export function pathGlobMatch(path: string, pattern: string): boolean {
  const normalized = normalizePath(pattern);
  if (!hasWildcard(normalized)) return normalizePath(path) === normalized;
  let re = cache.get(normalized);
  if (!re) {
    re = new RegExp(`^${globToRegExp(normalized)}$`);
    cache.set(normalized, re);
  }
  return re.test(normalizePath(path));
}

function globToRegExp(pattern: string): string {
  const segments = pattern.split('/');
  let out = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') out += last ? '.*' : '(?:[^/]+/)*';
    else out += translate(segment, '[^/]') + (last ? '' : '/');
  });
  return out;
}

/** The path itself and every folder above it: `a/b/c.sql` -> `a/b/c.sql`, `a/b`, `a`. */
export function pathAndParents(path: string): string[] {
  const parts = normalizePath(path).split('/');
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}
