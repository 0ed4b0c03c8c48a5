/**
 * Python's str methods that dbt macros call (`name.upper()`, `x.strip()`, `s.startswith('a')`);
 * nunjucks' Jinja compatibility covers lists and dicts but not strings.
 */
export const PYTHON_STRING_METHODS: Readonly<Record<string, (s: string, ...a: unknown[]) => unknown>> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  strip: (s, chars) => (chars === undefined ? s.trim() : trimChars(s, String(chars), true, true)),
  lstrip: (s, chars) => (chars === undefined ? s.trimStart() : trimChars(s, String(chars), true, false)),
  rstrip: (s, chars) => (chars === undefined ? s.trimEnd() : trimChars(s, String(chars), false, true)),
  startswith: (s, p) => s.startsWith(String(p)),
  endswith: (s, p) => s.endsWith(String(p)),
  split: (s, sep, max) =>
    pySplit(s, sep === undefined || sep === null ? undefined : String(sep), max as number | undefined),
  replace: (s, a, b) => s.split(String(a)).join(String(b)),
  format: (s, ...args) => {
    let i = 0;
    return s.replace(/\{(\d*)\}/g, (_, n: string) => String(args[n === '' ? i++ : Number(n)]));
  },
  title: (s) => s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s) => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s),
  isdigit: (s) => /^\d+$/.test(s),
  find: (s, sub) => s.indexOf(String(sub)),
  count: (s, sub) => s.split(String(sub)).length - 1,
  join: (s, items) => (items as unknown[]).map(String).join(s),
};

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  while (left && a < b && chars.includes(s[a])) a++;
  while (right && b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function pySplit(s: string, sep: string | undefined, max?: number): string[] {
  const parts = sep === undefined ? s.trim().split(/\s+/).filter(Boolean) : s.split(sep);
  if (max === undefined || max < 0 || parts.length <= max + 1) return parts;
  const joiner = sep ?? ' ';
  return [...parts.slice(0, max), parts.slice(max).join(joiner)];
}
