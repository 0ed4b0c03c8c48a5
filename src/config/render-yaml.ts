import nunjucks from 'nunjucks';
import * as jsYaml from 'js-yaml';
import type * as YamlModule from 'yaml';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { lazyModule } from '../core/lazy-module';
import type { TextPosition } from '../core/text-position';
import { TbError, ErrorCodes } from '../core/errors';
import { envVar } from './env-var';
import { yamlSyntaxHint } from './yaml-syntax-hint';
import type { YamlCache } from './yaml-cache';

/** Keys whose values are templates for later (hooks): rendered at run time, not when the file is read. */
const LATE_RENDERED = new Set([
  'pre-hook',
  'post-hook',
  '+pre-hook',
  '+post-hook',
  'pre_hook',
  'post_hook',
  '+pre_hook',
  '+post_hook',
  'on-run-start',
  'on-run-end',
  'sql_header',
  '+sql_header',
]);

export interface YamlFile {
  readonly path: string;
  readonly data: unknown;
  /** 1-based line of a key path, for error messages (`models.0.columns.2.name`). */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /**
   * Where a key path is written: a mapping key's own position (not its value's), a list item's position;
   * the nearest enclosing node when the path is not in the text (a key from a merge, say).
   */
  positionOf(path: readonly (string | number)[]): TextPosition | undefined;
}

/**
 * Reads YAML. js-yaml (YAML 1.2 core schema, as the `yaml` package reads by default) is several times faster
 * on a 5,000-model properties file; the `yaml` package, which knows where every node is, is used only when
 * a position is needed: for a syntax error, and for `lineOf` when another error points into the file.
 */
export function readYaml(path: string, text: string, cache?: YamlCache): YamlFile {
  let data: unknown;
  try {
    const parse = () => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: path });
    data = cache ? cache.data(path, text, parse) : parse();
  } catch (err) {
    throw syntaxError(path, text, err as jsYaml.YAMLException);
  }
  let doc: { doc: Document; lines: LineCounter } | undefined;
  const positionOf = (keyPath: readonly (string | number)[]): TextPosition | undefined => {
    doc ??= positions(text);
    const start = startOf(doc.doc, keyPath);
    if (start === undefined) return undefined;
    const { line, col } = doc.lines.linePos(start);
    return { line, column: col };
  };
  return {
    path,
    data: data ?? {},
    lineOf: (keyPath) => positionOf(keyPath)?.line,
    positionOf,
  };
}

/** Offset of a key path's key (or item); an ancestor's when the path is not written in the text. */
function startOf(doc: Document, keyPath: readonly (string | number)[]): number | undefined {
  const { isMap, isSeq, isScalar } = yamlModule();
  for (let depth = keyPath.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : (doc.getIn(keyPath.slice(0, depth - 1), true) as unknown);
    const last = keyPath[depth - 1];
    if (isMap(parent)) {
      // js-yaml's keys are strings; the `yaml` package's may be numbers or booleans (`1:`, `true:`).
      const pair = parent.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(last));
      const node = (pair?.key ?? pair?.value) as YamlNode | null | undefined;
      if (node?.range) return node.range[0];
    } else if (isSeq(parent) && typeof last === 'number') {
      const node = parent.items[last] as YamlNode | undefined;
      if (node?.range) return node.range[0];
    }
  }
  const root = doc.contents as YamlNode | null;
  return root?.range?.[0];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when an error needs a position
const yamlModule = lazyModule(() => require('yaml') as typeof YamlModule);

function positions(text: string): { doc: Document; lines: LineCounter } {
  const { LineCounter, parseDocument } = yamlModule();
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true }), lines };
}

/** The `yaml` package's message and position when it sees the error too; js-yaml's otherwise. */
function syntaxError(path: string, text: string, err: jsYaml.YAMLException): TbError {
  const first = positions(text).doc.errors[0];
  const pos = first?.linePos?.[0];
  // The position is printed as file:line:col; the parser's " at line 5, column 1:" would say it twice.
  const message = (first ? first.message.split('\n')[0] : err.reason).replace(
    / at line \d+, column \d+:?$/,
    '',
  );
  return new TbError(ErrorCodes.yamlSyntax, `invalid YAML: ${message}`, {
    file: path,
    line: pos?.line ?? (err.mark ? err.mark.line + 1 : undefined),
    column: pos?.col ?? (err.mark ? err.mark.column + 1 : undefined),
    hint: yamlSyntaxHint(first?.code, message),
  });
}

const yamlEnv = new nunjucks.Environment(null, {
  autoescape: false,
  throwOnUndefined: false,
  dev: true,
} as nunjucks.ConfigureOptions);

/**
 * Renders `{{ env_var('X', 'd') }}` (and `var`, where given) in every string value of a YAML tree, except hooks.
 * Only strings holding `{{` are rendered: the common case costs nothing.
 */
export function renderYamlValues(
  value: unknown,
  context: Record<string, unknown>,
  file: string,
  key = '',
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{') && !value.includes('{%')) return value;
    if (LATE_RENDERED.has(key)) return value;
    try {
      return yamlEnv.renderString(value, context).trim();
    } catch (err) {
      let cause: unknown = err;
      for (let i = 0; i < 5 && cause; i++, cause = (cause as { cause?: unknown }).cause) {
        if (cause instanceof TbError) throw cause;
      }
      throw new TbError(ErrorCodes.templateRender, `cannot render '${value}': ${(err as Error).message}`, {
        file,
      });
    }
  }
  if (Array.isArray(value)) {
    if (LATE_RENDERED.has(key)) return value;
    return value.map((v) => renderYamlValues(v, context, file, key));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderYamlValues(v, context, file, k);
    return out;
  }
  return value;
}

/** The context YAML files see: env_var only (dbt renders profiles and project files with it). */
export function yamlContext(env: NodeJS.ProcessEnv): Record<string, unknown> {
  return {
    env_var: (name: string, fallback?: unknown) => unwrapTbError(() => envVar(env, name, fallback)),
  };
}

/** nunjucks wraps thrown errors; keep ours recognisable by attaching it as the cause. */
function unwrapTbError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const wrapped = new Error((err as Error).message);
    (wrapped as { cause?: unknown }).cause = err;
    throw wrapped;
  }
}
