import { suggestion } from '../core/did-you-mean';
import type { SelectionCriterion, SelectionIntersection, SelectionUnion } from './selector-ast';
import type { SelectorTextSpan } from './selector-error';
import { selectorError } from './selector-error';

/**
 * dbt's RAW_SELECTOR_PATTERN: `@`, then `n+`, then `method:`, then the value, then `+n`.
 * @see https://github.com/dbt-labs/dbt-core/blob/main/core/dbt/graph/selector_spec.py
 */
const TERM = /^(@)?((\d*)\+)?(?:([\w.]+):)?(.*?)(\+(\d*))?$/s;
/** A bare value with one of these endings is a file name (`moveouts.sql`), as dbt's default method does. */
const FILE_EXTENSION = /\.(sql|py|csv)$/i;

export interface ParseOptions {
  /** When given, a method outside this list is an error with a did-you-mean hint. */
  readonly methods?: readonly string[];
}

/** `['a b', 'c,d']` -> union(a, b, intersection(c, d)). Throws a TbError (selectorSyntax) on bad text. */
export function parseSelectors(args: readonly string[], options: ParseOptions = {}): SelectionUnion {
  const intersections: SelectionIntersection[] = [];
  for (const input of args) {
    for (const word of input.matchAll(/\S+/g)) {
      intersections.push(parseIntersection(input, word[0], (word.index ?? 0) + 1, options));
    }
  }
  return { intersections };
}

function parseIntersection(
  input: string,
  raw: string,
  column: number,
  options: ParseOptions,
): SelectionIntersection {
  const criteria: SelectionCriterion[] = [];
  let offset = 0;
  for (const part of raw.split(',')) {
    const at = column + offset;
    if (part === '') throw selectorError({ input, raw, column: at }, 'empty term around ","');
    criteria.push(parseCriterion(input, part, at, options));
    offset += part.length + 1;
  }
  return { raw, criteria };
}

/** One term such as `2+tag:nightly`; `column` is its 1-based position inside `input`. */
export function parseCriterion(
  input: string,
  raw: string,
  column: number,
  options: ParseOptions = {},
): SelectionCriterion {
  const span: SelectorTextSpan = { input, raw, column };
  const m = TERM.exec(raw);
  if (!m) throw selectorError(span, 'not a selector');
  const [, at, parents, parentsDepth, rawMethod, value, children, childrenDepth] = m;
  const valueColumn =
    column + (at?.length ?? 0) + (parents?.length ?? 0) + (rawMethod ? rawMethod.length + 1 : 0);
  const valueSpan = { ...span, column: valueColumn };
  checkValue(valueSpan, value, rawMethod);
  if (at && children) throw selectorError(span, 'the "@" prefix and the "+" suffix cannot be combined');
  const [method, ...methodArguments] = rawMethod ? rawMethod.split('.') : [defaultMethod(value)];
  checkMethod(span, method, methodArguments, options);
  return {
    raw,
    input,
    column,
    valueColumn,
    method,
    methodArguments,
    value,
    parents: parents !== undefined,
    parentsDepth: parentsDepth ? Number(parentsDepth) : undefined,
    children: children !== undefined,
    childrenDepth: childrenDepth ? Number(childrenDepth) : undefined,
    childrensParents: at !== undefined,
  };
}

function checkValue(span: SelectorTextSpan, value: string, method: string | undefined): void {
  if (value === '') {
    throw selectorError(span, method ? `no value after "${method}:"` : 'no node name or method:value');
  }
  const stray = /[+@]/.exec(value);
  if (stray) {
    throw selectorError(
      { ...span, column: span.column + stray.index },
      `unexpected "${stray[0]}" inside "${value}"`,
      'graph operators go around a selector: +name, 2+name, name+, name+1, @name',
    );
  }
  // `ta-g:x` fails the method pattern and would silently become a node name.
  const colon = value.indexOf(':');
  if (!method && colon > 0) {
    throw selectorError(span, `"${value.slice(0, colon)}" is not a valid method name`);
  }
}

function checkMethod(
  span: SelectorTextSpan,
  method: string,
  args: readonly string[],
  options: ParseOptions,
): void {
  if (method === '' || args.some((a) => a === '')) {
    throw selectorError(span, 'a method name has empty parts around "."');
  }
  if (options.methods && !options.methods.includes(method)) {
    const hint =
      suggestion(method, options.methods) ?? `valid methods: ${[...options.methods].sort().join(', ')}`;
    throw selectorError(span, `"${method}" is not a selector method`, hint);
  }
}

/** dbt's default when no method is typed: a path if it has a slash, a file name if it has an extension. */
function defaultMethod(value: string): string {
  if (value.includes('/') || value.includes('\\')) return 'path';
  if (FILE_EXTENSION.test(value)) return 'file';
  return 'fqn';
}
