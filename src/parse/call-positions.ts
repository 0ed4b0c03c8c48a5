import { positionAt, withoutComments, type TextPosition } from '../core/text-position';

/**
 * Where `ref(...)` / `source(...)` calls with these quoted arguments are written, in order. A call whose
 * arguments are variables cannot be matched: it has no position here.
 */
export function callPositions(text: string, kind: 'ref' | 'source', args: readonly string[]): TextPosition[] {
  const out: TextPosition[] = [];
  for (const m of withoutComments(text).matchAll(new RegExp(`\\b${kind}\\s*\\(([^)]*)\\)`, 'g'))) {
    const quoted = [...m[1].matchAll(/'([^']*)'|"([^"]*)"/g)].map((q) => q[1] ?? q[2]);
    const same = args.every((arg, i) => quoted[i] === arg);
    if (same) out.push(positionAt(text, m.index));
  }
  return out;
}
