import nunjucks from 'nunjucks';
import { PYTHON_STRING_METHODS } from './python-string-methods';

/**
 * A nunjucks Environment made as Jinja-compatible as dbt projects need: Python-style methods and literals
 * (installJinjaCompat), `{% do %}`, `{{ return(x) }}` from macros, `{% test %}` blocks, and dbt's filters.
 */

/** Thrown by `return(x)`; caught at the macro call boundary so the macro's value is x. */
class MacroReturn {
  constructor(readonly value: unknown) {}
}

let patched = false;

/**
 * Every call in a template goes through runtime.callWrap; a macro that executed `return(x)` unwinds to here.
 * The `return` function itself is excluded, so the signal passes through its own call.
 */
function installReturnSupport(): void {
  if (patched) return;
  patched = true;
  nunjucks.installJinjaCompat();
  const runtime = nunjucks.runtime as unknown as {
    callWrap: (obj: unknown, name: string, context: unknown, args: unknown[]) => unknown;
    memberLookup: (obj: unknown, name: string) => unknown;
  };
  const memberLookup = runtime.memberLookup;
  runtime.memberLookup = function (obj, name) {
    const text =
      typeof obj === 'string' ? obj : obj instanceof nunjucks.runtime.SafeString ? String(obj) : undefined;
    const method = text === undefined ? undefined : PYTHON_STRING_METHODS[name];
    if (method) return (...args: unknown[]) => method(text as string, ...args);
    return memberLookup.call(this, obj, name);
  };
  const original = runtime.callWrap;
  runtime.callWrap = function (obj, name, context, args) {
    if (obj === returnFunction) return original.call(this, obj, name, context, args);
    try {
      return original.call(this, obj, name, context, args);
    } catch (err) {
      if (err instanceof MacroReturn) return err.value;
      throw err;
    }
  };
}

export function returnFunction(value: unknown): never {
  throw new MacroReturn(value);
}

/** Calls a macro from TypeScript, honouring `return()` and keyword arguments. */
export function callMacro(macro: unknown, positional: unknown[], kwargs?: Record<string, unknown>): unknown {
  const args = kwargs ? [...positional, { ...kwargs, __keywords: true }] : positional;
  try {
    return (macro as (...a: unknown[]) => unknown)(...args);
  } catch (err) {
    if (err instanceof MacroReturn) return err.value;
    throw err;
  }
}

/** `{% do expr %}`: evaluates for side effects (`{% do list.append(x) %}`). */
class DoExtension {
  readonly tags = ['do'];
  parse(parser: NunjucksParser, nodes: NunjucksNodes): unknown {
    const tok = parser.nextToken();
    const expr = parser.parseExpression();
    parser.advanceAfterBlockEnd(tok.value);
    return new nodes.CallExtension(this, 'run', new nodes.NodeList(tok.lineno, tok.colno, [expr]), []);
  }
  run(): string {
    return '';
  }
}

interface NunjucksParser {
  nextToken(): { value: string; lineno: number; colno: number };
  parseExpression(): unknown;
  advanceAfterBlockEnd(name: string): void;
}
interface NunjucksNodes {
  CallExtension: new (ext: unknown, prop: string, args: unknown, body: unknown[]) => unknown;
  NodeList: new (lineno: number, colno: number, children: unknown[]) => unknown;
}

const isNone = (v: unknown): boolean => v === null || v === undefined;

export function createJinjaEnvironment(): nunjucks.Environment {
  installReturnSupport();
  const env = new nunjucks.Environment(null, {
    autoescape: false,
    throwOnUndefined: false,
    // Keeps the original error (and its line) instead of a bare copy of the message.
    dev: true,
  } as nunjucks.ConfigureOptions);
  env.addExtension('DoExtension', new DoExtension());
  // addTest exists at run time but is missing from @types/nunjucks.
  const tests = env as unknown as { addTest(name: string, fn: (v: unknown) => boolean): void };
  tests.addTest('none', isNone);
  tests.addTest('string', (v) => typeof v === 'string' || v instanceof nunjucks.runtime.SafeString);
  tests.addTest('mapping', (v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  tests.addTest('sequence', (v) => Array.isArray(v) || typeof v === 'string');
  env.addFilter('as_text', (v: unknown) => (isNone(v) ? '' : String(v)));
  env.addFilter('as_bool', (v: unknown) => v === true || String(v).toLowerCase() === 'true');
  env.addFilter('as_number', (v: unknown) => Number(v));
  env.addFilter('as_native', (v: unknown) => v);
  env.addFilter('tojson', (v: unknown) => JSON.stringify(v));
  env.addFilter('unique', (v: unknown[]) => [...new Set(v)]);
  return env;
}

/** dbt's `{% test name(args) %}` is the macro `test_name`; the rewrite keeps every line where it was. */
export function rewriteTestBlocks(text: string): string {
  return text
    .replace(/\{%(-?)\s*test\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/g, '{%$1 macro test_$2(')
    .replace(/\{%(-?)\s*endtest\s*(-?)%\}/g, '{%$1 endmacro $2%}');
}
