import { didYouMean } from '../core/did-you-mean';
import { ErrorCodes, TbError } from '../core/errors';
import { positionAt, withoutComments } from '../core/text-position';

/** Tags that open a block closed by `{% end<tag> %}` (`set` only in its block form, without `=`). */
const BLOCK_TAGS = new Set([
  'if',
  'for',
  'macro',
  'call',
  'filter',
  'raw',
  'verbatim',
  'block',
  'set',
  'test',
]);
const TAGS = [...BLOCK_TAGS, 'elif', 'else', 'include', 'import', 'from', 'extends', 'do'];

/**
 * A template syntax error with a hint on what to type, and a position when nunjucks gave none: it reports
 * an unclosed block at the end of the file, so the block's own opening tag is the useful place to point.
 */
export function withSyntaxHint(err: TbError, source: string): TbError {
  if (err.code !== ErrorCodes.templateSyntax || err.hint) return err;
  const at = err.line === undefined ? undefined : offsetAt(source, err.line, err.column ?? 1);
  const { hint, offset } = syntaxHint(err.message, source, at === undefined ? undefined : tagAt(source, at));
  const fallback = err.line === undefined ? positionAt(source, offset ?? source.length) : undefined;
  return new TbError(err.code, err.message, {
    file: err.file,
    line: err.line ?? fallback?.line,
    column: err.line === undefined ? fallback?.column : err.column,
    hint,
    cause: err.cause,
  });
}

function syntaxHint(message: string, source: string, tag?: string): { hint: string; offset?: number } {
  if (/end of comment/.test(message)) {
    return { hint: 'close the comment with #}', offset: unclosed(source, '{#', '#}') };
  }
  if (/expected variable end/.test(message)) {
    return {
      hint: 'close the expression with }}, and check that its quotes and brackets are closed',
      offset: unclosed(source, '{{', '}}'),
    };
  }
  if (/end of file/.test(message)) {
    const open = unclosedBlock(source);
    return open
      ? { hint: `this {% ${open.tag} %} is never closed: add {% end${open.tag} %}`, offset: open.offset }
      : { hint: 'a block is not closed: every {% if %}, {% for %}, {% macro %} needs its {% end... %}' };
  }
  const blockEnd = /expected block end in (\w+) statement/.exec(message);
  if (blockEnd) {
    const compare = /^(el)?if$/.test(blockEnd[1]) ? '; to compare, write == (a single = is not allowed)' : '';
    return { hint: `close the tag with %}${compare}` };
  }
  const unknownTag = /unknown block tag: (\w+)/.exec(message);
  if (unknownTag) return { hint: unknownTagHint(unknownTag[1]) };
  const token = /unexpected token: (.+)$/.exec(message);
  const usage = tag === undefined ? undefined : TAG_USAGE[tag];
  if (token && usage) return { hint: `write ${usage}: something is missing before '${token[1]}'` };
  if (token) {
    return {
      hint: `something is missing before '${token[1]}': a condition after {% if, a value after =, an argument, or a closing ) or ]`,
    };
  }
  if (/expected comma after expression/.test(message)) {
    return { hint: "separate the call's arguments with commas, and close its quotes and )" };
  }
  if (/"in" keyword/.test(message)) return { hint: 'write {% for item in items %}' };
  if (/expected symbol/.test(message)) {
    return { hint: 'a name is missing here: after | (a filter), after . (an attribute), or a variable' };
  }
  return {
    hint: 'check the template syntax here: every {{ needs }}, every {% needs %}, and quotes and brackets must be closed',
  };
}

function unknownTagHint(tag: string): string {
  if (tag === 'else' || tag === 'elif')
    return `{% ${tag} %} belongs inside an {% if %} block, once (an else also in {% for %})`;
  const opened = tag.startsWith('end') ? tag.slice(3) : undefined;
  if (opened && BLOCK_TAGS.has(opened)) {
    return `{% ${tag} %} closes no open {% ${opened} %}: remove it, or check the tag it should close`;
  }
  const near = didYouMean(tag, [...TAGS, ...[...BLOCK_TAGS].map((t) => `end${t}`)]);
  const call = `to call a macro, write {{ ${tag}(...) }}`;
  return near.length ? `did you mean {% ${near[0]} %}? (${call})` : `'${tag}' is not a tag: ${call}`;
}

const TAG_USAGE: Readonly<Record<string, string>> = {
  if: '{% if condition %}',
  elif: '{% elif condition %}',
  for: '{% for item in items %}',
  set: '{% set name = value %}',
  macro: '{% macro name(arg, other=default) %}',
  call: '{% call macro_name(args) %}',
  include: "{% include 'file.sql' %}",
  import: "{% import 'file.sql' as name %}",
};

/** The tag an offset is inside of (`if` in `{% if x ==`), if it is inside one. */
function tagAt(source: string, offset: number): string | undefined {
  const start = source.lastIndexOf('{%', offset);
  if (start < 0 || source.slice(start, offset).includes('%}')) return undefined;
  return /^\{%-?\s*(\w+)/.exec(source.slice(start))?.[1];
}

function offsetAt(source: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = source.indexOf('\n', at) + 1 || -1;
  return at < 0 ? source.length : at + column - 1;
}

/** Offset of the last `open` not followed by its `close`. */
function unclosed(source: string, open: string, close: string): number | undefined {
  const at = source.lastIndexOf(open);
  return at >= 0 && source.indexOf(close, at) < 0 ? at : undefined;
}

/** The innermost block tag still open at the end of the text. */
function unclosedBlock(source: string): { tag: string; offset: number } | undefined {
  const open: { tag: string; offset: number }[] = [];
  for (const m of withoutComments(source).matchAll(/\{%-?\s*(\w+)([^%]*)-?%\}/g)) {
    const tag = m[1];
    if (BLOCK_TAGS.has(tag) && !(tag === 'set' && m[2].includes('='))) {
      open.push({ tag, offset: m.index });
    } else if (tag.startsWith('end')) {
      const at = open.map((o) => o.tag).lastIndexOf(tag.slice(3));
      if (at >= 0) open.length = at;
    }
  }
  return open[open.length - 1];
}
