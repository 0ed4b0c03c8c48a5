import nunjucks from 'nunjucks';
import { createJinjaEnvironment } from '../../../src/compile/jinja-environment';
import { parseStatic, staticTemplateProps } from '../../../src/compile/static-template';

/**
 * The static path must be indistinguishable from nunjucks: every template here is rendered both ways in
 * the same environment, and the output, every call a global received (arguments, keyword objects, `this`)
 * and every error (message, line, column) must be equal.
 */

interface Outcome {
  readonly output?: string;
  readonly error?: { message: string; lineno?: number; colno?: number };
  readonly calls: unknown[];
}

/** One object for both renders: equal calls must hold the same function, not a copy. */
const TEXT_LIKE = { toString: () => 'as text' };

function environment(calls: unknown[]): nunjucks.Environment {
  const env = createJinjaEnvironment();
  const record = (name: string, result: (args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      calls.push({ name, args, thisIsContext: this instanceof Object && 'lookup' in (this as object) });
      return result(args);
    };
  env.addGlobal(
    'ref',
    record('ref', (a) => `"main"."${String(a[0])}"`),
  );
  env.addGlobal(
    'source',
    record('source', (a) => `"${String(a[0])}"."${String(a[1])}"`),
  );
  env.addGlobal(
    'config',
    record('config', () => ''),
  );
  env.addGlobal(
    'echo',
    record('echo', (a) => a[0]),
  );
  env.addGlobal(
    'nothing',
    record('nothing', () => undefined),
  );
  env.addGlobal(
    'nil',
    record('nil', () => null),
  );
  env.addGlobal(
    'safe',
    record('safe', () => new nunjucks.runtime.SafeString('<safe>')),
  );
  env.addGlobal(
    'obj',
    record('obj', () => TEXT_LIKE),
  );
  env.addGlobal(
    'boom',
    record('boom', () => {
      throw new Error('boom went the macro');
    }),
  );
  // A global read through a getter (as tb's `this` and `model` are) shows when each name is looked up.
  const traced = record('traced', (a) => a[0]);
  Object.defineProperty((env as unknown as { globals: object }).globals, 'traced', {
    get: () => {
      calls.push('traced looked up');
      return traced;
    },
    enumerable: true,
  });
  env.addGlobal('a_value', 42);
  env.addGlobal('a_list', [1, 'two']);
  return env;
}

function renderWith(source: string, useStatic: boolean): Outcome {
  const calls: unknown[] = [];
  const env = environment(calls);
  try {
    const template = useStatic
      ? new nunjucks.Template(
          { type: 'code', obj: staticTemplateProps(source) } as unknown as string,
          env,
          'models/x.sql',
          true,
        )
      : new nunjucks.Template(source, env, 'models/x.sql', true);
    return { output: template.render({}), calls };
  } catch (err) {
    const e = err as { message: string; lineno?: number; colno?: number };
    return { error: { message: e.message, lineno: e.lineno, colno: e.colno }, calls };
  }
}

function expectSame(source: string): void {
  expect(parseStatic(source)).toBeDefined();
  expect(renderWith(source, true)).toEqual(renderWith(source, false));
}

describe('static templates (the subset rendered without nunjucks compiling)', () => {
  it.each([
    '',
    'select 1',
    "select * from {{ ref('orders') }}",
    "{{ config(materialized='table', tags=['a', 'b']) }}\nselect * from {{ source('pms', 'rooms') }} r",
    '{{ ref("a", version=2) }} {{ ref( "b" ) }}',
    '{{ echo(1) }}|{{ echo(1.25) }}|{{ echo(true) }}|{{ echo(false) }}|{{ echo(none) }}|{{ echo(null) }}',
    "{{ echo([1, 'x', [true, none], []]) }}",
    '{{ echo(True) }} {{ echo(False) }} {{ echo(None) }} {{ echo(undefined_name) }}',
    '{{ a_value }} {{ a_list }} {{ unknown }} {{ 7 }} {{ "text" }} {{ [1, 2] }}',
    '{{ nothing() }}|{{ nil() }}|{{ safe() }}|{{ obj() }}',
    "{{ echo(k='v', k='w') }} {{ echo(a=1, 'positional after a keyword') }}",
    "{{ echo(ref('inner'), key=source('s', 't')) }}",
    '{{ traced(echo(traced(1)), k=traced(2), 3) }} {{ traced }}',
    "select '}}' as a, '{' as b, '}' as c, '#' as d, 'x' as \"{{ echo('}}') }}\"",
    'line one\r\nline two {{ ref(\n  "multi",\n  "line"\n) }}\n',
    '{{echo(1)}}{{echo(2)}}',
    '\u00a0{{\u00a0echo(1)\u00a0}}\t{{\techo(2)\t}}',
    "日本語 {{ ref('物件') }} テキスト",
  ])('renders %j exactly as nunjucks', (source) => {
    expectSame(source);
  });

  it.each([
    "select 1\n\nfrom {{ boom('x') }}",
    "{{ ref('a') }}\n  {{ missing_macro('x') }}",
    '{{ echo(boom()) }}',
    '{{ echo(1) }}\n{{ a_value(1) }}',
    "{{ echo(k=boom(), 'first') }}",
  ])('fails on %j exactly as nunjucks (message, line and column)', (source) => {
    const outcome = renderWith(source, true);
    expect(outcome.error).toBeDefined();
    expectSame(source);
  });

  it('matches nunjucks on 500 generated templates', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n; // the low bits of this generator repeat quickly
    };
    const pick = <T>(items: readonly T[]): T => items[random(items.length)];
    const texts = ['select ', '\n', ' from x ', "'quoted'", '{', '}', '#', '  ', '\r\n', 'é', '-- c\n', '%'];
    const spaces = ['', ' ', '\n', '  \t'];
    const literal = (depth: number): string => {
      switch (random(depth > 1 ? 7 : 8)) {
        case 0:
          return `'${pick(['a', '', 'b c', '}}', '"'])}'`;
        case 1:
          return `"${pick(['a', "'", '{{'])}"`;
        case 2:
          return String(random(1000));
        case 3:
          return `${random(100)}.${random(100)}`;
        case 4:
          return pick(['true', 'false', 'none', 'null', 'True', 'None', 'a_value', 'unknown']);
        case 5:
          return `echo(${args(depth + 1)})`;
        case 6:
          return pick(['boom()', 'nothing()', 'nil()', 'obj()']);
        default:
          return `[${Array.from({ length: random(3) }, () => literal(depth + 1)).join(', ')}]`;
      }
    };
    const args = (depth: number): string =>
      Array.from({ length: random(4) }, () =>
        random(3) === 0
          ? `${pick(['k', 'x', 'tags'])}${pick(spaces)}=${pick(spaces)}${literal(depth)}`
          : literal(depth),
      ).join(`,${pick(spaces)}`);
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      let source = '';
      for (let part = random(6); part >= 0; part--) {
        source += pick(texts);
        const call = `${pick(['echo', 'ref', 'config', 'source'])}${pick(['', ' '])}(${args(0)})`;
        source += `{{${pick(spaces)}${random(4) === 0 ? literal(0) : call}${pick(spaces)}}}`;
      }
      if (parseStatic(source) === undefined) continue; // e.g. `{#` formed by two random pieces
      expect({ source, ...renderWith(source, true) }).toEqual({ source, ...renderWith(source, false) });
      checked++;
    }
    expect(checked).toBeGreaterThan(300); // 357 with this seed
  });

  it.each([
    '{% set x = 1 %}{{ x }}',
    '{# a comment #} select 1',
    'select 1 #} stray comment end',
    '{{- ref("a") }}',
    '{{ ref("a") -}}',
    '{{ ref("a") | upper }}',
    '{{ adapter.dispatch("x")() }}',
    "{{ ref('it\\'s') }}",
    '{{ echo(true=1) }}',
    '{{ echo(-1) }}',
    "{{ echo({'a': 1}) }}",
    '{{ echo(1,) }}',
    '{{ [1,] }}',
    '{{ echo(1.) }}',
    '{{ echo(1 + 2) }}',
    '{{ echo(a == 1) }}',
    '{{ f()() }}',
    "{{ ref('unterminated) }}",
    '{{ ref("a")',
    '{{ }}',
    '{{ r/x/ }}',
  ])('leaves %j to nunjucks', (source) => {
    expect(parseStatic(source)).toBeUndefined();
  });
});
