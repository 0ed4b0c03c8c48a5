/**
 * A small lexer for the short statements of a dump (CREATE TABLE, SET, INSERT headers): words, `quoted`
 * identifiers, strings, and single-character operators, each with its offsets so that a rewriter can splice text.
 * Comments are gone by the time a statement reaches it (the dump parser removes them).
 */
export type TokenType = 'word' | 'ident' | 'string' | 'op';

export interface Token {
  readonly type: TokenType;
  /** Words as written, identifiers unquoted, strings with their quotes. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_$@\u0080-\uffff]/.test(ch);
}

export function lexSql(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      i++;
    } else if (ch === '`') {
      const end = closeQuoted(text, i, '`', false);
      tokens.push({ type: 'ident', value: text.slice(i + 1, end - 1).replace(/``/g, '`'), start: i, end });
      i = end;
    } else if (ch === "'" || ch === '"') {
      const end = closeQuoted(text, i, ch, true);
      tokens.push({ type: 'string', value: text.slice(i, end), start: i, end });
      i = end;
    } else if (isWordChar(ch)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j])) j++;
      tokens.push({ type: 'word', value: text.slice(i, j), start: i, end: j });
      i = j;
    } else {
      tokens.push({ type: 'op', value: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** The end (exclusive) of a quoted run starting at `start`; an unclosed quote runs to the end of the text. */
function closeQuoted(text: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslash && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return text.length;
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.type === 'word' && words.includes(token.value.toUpperCase());
}

export function isOp(token: Token | undefined, op: string): boolean {
  return token?.type === 'op' && token.value === op;
}

/** A name as an identifier or a bare word. */
export function nameOf(token: Token | undefined): string | undefined {
  if (token?.type === 'ident' || token?.type === 'word') return token.value;
  return undefined;
}

/** The index of the token closing the parenthesis opened at `open`, or -1. */
export function matchParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isOp(tokens[i], '(')) depth++;
    else if (isOp(tokens[i], ')') && --depth === 0) return i;
  }
  return -1;
}

/** Splits tokens[from, to) at commas outside parentheses. */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (isOp(t, '(')) depth++;
    if (isOp(t, ')')) depth--;
    if (depth === 0 && isOp(t, ',')) {
      parts.push(current);
      current = [];
    } else {
      current.push(t);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
