import type { TemplateProps } from './template-cache';

/**
 * tb's static parser (dbt has one too, for the same reason): most model files are SQL text with a few
 * `{{ ref('x') }}`, `{{ source('s', 't') }}`, `{{ config(k='v') }}` or macro calls with literal arguments.
 * For those, nunjucks' lexer, parser and code generator, then V8 compiling and warming up one function per
 * file, cost ~0.3 ms a file: 1.5 s of a cold compile of 5,000 models.
 *
 * This reads that subset directly and returns the same `root` render function nunjucks would generate, as a
 * closure: the same runtime calls (`contextOrFrameLookup`, `callWrap`, `makeKeywordArgs`, `suppressValue`,
 * `handleError`) in the same order, the same `lineno`/`colno` markers. Output, side effects and error
 * positions are therefore nunjucks' own; test/unit/compile/static-template.test.ts renders both ways and
 * compares. Anything outside the subset (`{% %}`, `{# #}`, whitespace control, filters, operators,
 * attribute lookups, escapes in strings, dicts...) returns undefined and goes to nunjucks, which also
 * reports every syntax error.
 *
 * The subset, inside `{{ }}`: a literal (string without backslash, integer, decimal, true/false, none/null),
 * a list of expressions, a name, or a call `name(expr, ..., key=expr, ...)`.
 */

type Literal = string | number | boolean | null;

type Expr =
  | { readonly kind: 'literal'; readonly value: Literal }
  | { readonly kind: 'list'; readonly items: readonly Expr[] }
  | { readonly kind: 'symbol'; readonly name: string }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly kwargs: readonly (readonly [string, Expr])[];
      /** Where nunjucks puts a call's position: the `(`, counted from 0. */
      readonly lineno: number;
      readonly colno: number;
    };

/** nunjucks' runtime as its compiled templates use it (jinja-environment patches some of these). */
interface Runtime {
  contextOrFrameLookup(context: unknown, frame: unknown, name: string): unknown;
  callWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown;
  makeKeywordArgs(obj: Record<string, unknown>): unknown;
  suppressValue(value: unknown, autoescape: unknown): unknown;
  handleError(err: unknown, lineno: number, colno: number): unknown;
}

interface Env {
  readonly opts: { readonly autoescape?: unknown };
}

type Callback = (err: unknown, output?: string) => void;

/** The render function for `source`, or undefined when it is not in the static subset. */
export function staticTemplateProps(source: string): TemplateProps | undefined {
  const parts = parseStatic(source);
  if (!parts) return undefined;
  const root = (env: Env, context: unknown, frame: unknown, runtime: Runtime, cb: Callback): void => {
    const at = { lineno: 0, colno: 0 };
    let output = '';
    try {
      for (const part of parts) {
        if (typeof part === 'string') output += part;
        else
          output += runtime.suppressValue(evaluate(part, context, frame, runtime, at), env.opts.autoescape);
      }
      cb(null, output);
    } catch (e) {
      cb(runtime.handleError(e, at.lineno, at.colno));
    }
  };
  return { root };
}

/** Evaluates in nunjucks' order: position marker, callee lookup, positional arguments, then keywords. */
function evaluate(
  e: Expr,
  context: unknown,
  frame: unknown,
  runtime: Runtime,
  at: { lineno: number; colno: number },
): unknown {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'list':
      return e.items.map((item) => evaluate(item, context, frame, runtime, at));
    case 'symbol':
      return runtime.contextOrFrameLookup(context, frame, e.name);
    case 'call': {
      at.lineno = e.lineno;
      at.colno = e.colno;
      const fn = runtime.contextOrFrameLookup(context, frame, e.name);
      const args = e.args.map((arg) => evaluate(arg, context, frame, runtime, at));
      if (e.kwargs.length > 0) {
        const kwargs: Record<string, unknown> = {};
        for (const [key, value] of e.kwargs) kwargs[key] = evaluate(value, context, frame, runtime, at);
        args.push(runtime.makeKeywordArgs(kwargs));
      }
      return runtime.callWrap(fn, e.name, context, args);
    }
  }
}

/** Text parts and expressions, or undefined outside the subset. Exported for tests. */
export function parseStatic(source: string): (string | Expr)[] | undefined {
  // Block tags, comments and a stray comment end all need nunjucks (inside a string in a tag they would
  // not, but such files are rare and nunjucks renders them anyway).
  if (NEEDS_NUNJUCKS.test(source)) return undefined;
  const parts: (string | Expr)[] = [];
  const lines = new LineCounter(source);
  let pos = 0;
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    const text = source.slice(pos, open < 0 ? source.length : open);
    if (text) parts.push(text);
    if (open < 0) break;
    if (source[open + 2] === '-') return undefined;
    const reader = new ExprReader(source, open + 2, lines);
    const expr = reader.expression();
    if (!expr || !reader.closeTag()) return undefined;
    parts.push(expr);
    pos = reader.pos;
  }
  return parts;
}

const NEEDS_NUNJUCKS = /\{%|\{#|#\}/;
/** Character tables by code (all these characters are below 256): nunjucks' whitespace... */
const SPACE = charTable(' \n\t\r\u00a0');
/** ...and what ends a name or number: whitespace, nunjucks' delimiters, and quotes. */
const ENDS_WORD = charTable(' \n\t\r\u00a0' + '()[]{}%*-+~/#,:|.<>=!' + `"'`);

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(256);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DIGITS = /^[0-9]+$/;
const LITERAL_WORDS = new Set(['true', 'false', 'none', 'null']);

/** A recursive-descent reader of the subset, tracking nunjucks' 0-based line and column. */
class ExprReader {
  constructor(
    private readonly src: string,
    public pos: number,
    private readonly lines: LineCounter,
  ) {}

  expression(): Expr | undefined {
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === '"' || c === "'") return this.string(c);
    if (c === '[') return this.list();
    const word = this.word();
    if (!word) return undefined;
    if (DIGITS.test(word)) return this.number(word);
    if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true' };
    if (word === 'none' || word === 'null') return { kind: 'literal', value: null };
    if (!NAME.test(word)) return undefined;
    this.skipSpace();
    if (this.src[this.pos] !== '(') return { kind: 'symbol', name: word };
    const { lineno, colno } = this.lines.at(this.pos);
    this.pos++;
    const args: Expr[] = [];
    const kwargs: [string, Expr][] = [];
    if (!this.items(')', () => this.argument(args, kwargs))) return undefined;
    return { kind: 'call', name: word, args, kwargs, lineno, colno };
  }

  /** `}}` after optional whitespace (`-}}` trims, which needs nunjucks). */
  closeTag(): boolean {
    this.skipSpace();
    if (!this.src.startsWith('}}', this.pos)) return false;
    this.pos += 2;
    return true;
  }

  private argument(args: Expr[], kwargs: [string, Expr][]): boolean {
    const start = this.pos;
    this.skipSpace();
    const word = this.word();
    this.skipSpace();
    // `true=1` is a literal as a key, which nunjucks refuses to compile: left to it.
    const isName = NAME.test(word) && !LITERAL_WORDS.has(word);
    if (isName && this.src[this.pos] === '=' && this.src[this.pos + 1] !== '=') {
      this.pos++;
      const value = this.expression();
      if (!value) return false;
      kwargs.push([word, value]);
      return true;
    }
    this.pos = start;
    const value = this.expression();
    if (!value) return false;
    args.push(value);
    return true;
  }

  private list(): Expr | undefined {
    this.pos++;
    const items: Expr[] = [];
    const ok = this.items(']', () => {
      const item = this.expression();
      if (item) items.push(item);
      return item !== undefined;
    });
    return ok ? { kind: 'list', items } : undefined;
  }

  /** `item, item, ...` up to `close`, consumed; no trailing comma. */
  private items(close: string, item: () => boolean): boolean {
    this.skipSpace();
    if (this.src[this.pos] === close) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (!item()) return false;
      this.skipSpace();
      const c = this.src[this.pos++];
      if (c === close) return true;
      if (c !== ',') return false;
    }
  }

  private string(quote: string): Expr | undefined {
    const end = this.src.indexOf(quote, this.pos + 1);
    if (end < 0) return undefined;
    const value = this.src.slice(this.pos + 1, end);
    if (value.includes('\\')) return undefined;
    this.pos = end + 1;
    return { kind: 'literal', value };
  }

  private number(digits: string): Expr | undefined {
    if (this.src[this.pos] !== '.') return { kind: 'literal', value: parseInt(digits, 10) };
    this.pos++;
    const fraction = this.word();
    if (!fraction || !DIGITS.test(fraction)) return undefined;
    return { kind: 'literal', value: parseFloat(`${digits}.${fraction}`) };
  }

  /** The run of characters up to whitespace or a delimiter, as nunjucks' lexer cuts a name or number. */
  private word(): string {
    const start = this.pos;
    while (this.pos < this.src.length && !ENDS_WORD[this.src.charCodeAt(this.pos)]) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && SPACE[this.src.charCodeAt(this.pos)]) this.pos++;
  }
}

/**
 * nunjucks' lexer counts lines at `\n` only, columns from 0 since the last one. Calls come in increasing
 * positions, so the count goes on from the last one instead of from the start of the file.
 */
class LineCounter {
  private at_ = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly src: string) {}

  at(pos: number): { lineno: number; colno: number } {
    for (let i = this.src.indexOf('\n', this.at_); i >= 0 && i < pos; i = this.src.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.at_ = Math.max(this.at_, pos);
    return { lineno: this.line, colno: pos - this.lineStart };
  }
}
