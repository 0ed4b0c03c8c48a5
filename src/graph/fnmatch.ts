/**
 * Unix shell-style wildcards as dbt uses them (Python's `fnmatch`): `*` matches anything (dots and
 * slashes included), `?` one character, `[abc]` / `[a-z]` / `[!abc]` one character of a set.
 * Matching is case-sensitive, like `fnmatch` on POSIX.
 * @see https://docs.python.org/3/library/fnmatch.html
 */

const WILDCARD = /[*?[\]]/;
const cache = new Map<string, RegExp>();

export function hasWildcard(pattern: string): boolean {
  return WILDCARD.test(pattern);
}

export function fnmatch(name: string, pattern: string): boolean {
  if (!hasWildcard(pattern)) return name === pattern;
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${translate(pattern, '.')}$`, 's');
    cache.set(pattern, re);
  }
  return re.test(name);
}

/** `any` is the regex that `*` becomes: `.` for fnmatch, `[^/]` for one path segment. */
export function translate(pattern: string, any: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') out += `${any}*`;
    else if (ch === '?') out += any;
    else if (ch === '[') {
      const set = readSet(pattern, i);
      if (set) {
        out += set.regex;
        i = set.end;
      } else out += '\\[';
    } else out += escapeRegExp(ch);
  }
  return out;
}

/** A `[...]` set starting at `start`, or undefined when it never closes (then `[` is literal). */
function readSet(pattern: string, start: number): { regex: string; end: number } | undefined {
  let j = start + 1;
  if (pattern[j] === '!') j++;
  if (pattern[j] === ']') j++;
  while (j < pattern.length && pattern[j] !== ']') j++;
  if (j >= pattern.length) return undefined;
  let body = pattern.slice(start + 1, j);
  const negate = body.startsWith('!');
  if (negate) body = body.slice(1);
  const escaped = body.replace(/[\\^\]]/g, (c) => `\\${c}`);
  return { regex: `[${negate ? '^' : ''}${escaped}]`, end: j };
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
