import type { CharsetName, ColumnDef, IndexDef, IndexKind, IndexPart, SqlText, TableDef } from '../table-def';
import { DumpInputError } from './scan-error';
import { isOp, isWord, lexSql, matchParen, nameOf, splitTopLevel, type Token } from './sql-lexer';

/** Parses a dump's `CREATE TABLE name (...) options` (comments already removed) into the statement model. */
export function parseCreateTable(sql: string): TableDef {
  const tokens = lexSql(sql);
  let i = 1;
  if (isWord(tokens[i], 'OR') && isWord(tokens[i + 1], 'REPLACE')) i += 2;
  if (isWord(tokens[i], 'TEMPORARY'))
    throw new DumpInputError('CREATE TEMPORARY TABLE is not supported in a dump');
  if (!isWord(tokens[i], 'TABLE')) throw new DumpInputError('expected CREATE TABLE');
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  let name = nameOf(tokens[i]);
  if (isOp(tokens[i + 1], '.')) name = nameOf(tokens[(i += 2)]);
  if (name === undefined) throw new DumpInputError('expected a table name after CREATE TABLE');
  const open = i + 1;
  if (!isOp(tokens[open], '(')) {
    throw new DumpInputError(
      `CREATE TABLE \`${name}\` without a column list (LIKE or AS SELECT) is not supported`,
    );
  }
  const close = matchParen(tokens, open);
  if (close < 0) throw new DumpInputError(`unbalanced parentheses in CREATE TABLE \`${name}\``);
  return buildTable(name, sql, splitTopLevel(tokens, open + 1, close), tokens.slice(close + 1));
}

function buildTable(name: string, sql: string, items: Token[][], optionTokens: Token[]): TableDef {
  const columns: ColumnDef[] = [];
  const indexes: IndexDef[] = [];
  const foreignKeys: SqlText[] = [];
  const otherItems: SqlText[] = [];
  let primaryKey: IndexDef | null = null;
  for (const item of items) {
    if (item.length === 0) throw new DumpInputError(`empty definition in CREATE TABLE \`${name}\``);
    const text = sqlText(sql, item);
    const head = constraintHead(item);
    if (isWord(head, 'FOREIGN')) foreignKeys.push(text);
    else if (isWord(head, 'CHECK', 'PERIOD')) otherItems.push(text);
    else if (isWord(head, 'PRIMARY', 'UNIQUE', 'KEY', 'INDEX', 'FULLTEXT', 'SPATIAL')) {
      const index = parseIndex(item, text);
      if (index.kind === 'primary') primaryKey = index;
      else indexes.push(index);
    } else columns.push(parseColumn(item, text, name));
  }
  if (columns.length === 0) throw new DumpInputError(`CREATE TABLE \`${name}\` has no columns`);
  const options = optionTokens.length > 0 ? sqlText(sql, optionTokens) : { sql: '', charsetNames: [] };
  return { name, columns, primaryKey, indexes, foreignKeys, otherItems, options };
}

/** The keyword after an optional `CONSTRAINT [name]`. */
function constraintHead(item: Token[]): Token | undefined {
  if (!isWord(item[0], 'CONSTRAINT')) return item[0];
  if (isWord(item[1], 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) return item[1];
  return item[2];
}

function parseIndex(item: Token[], text: SqlText): IndexDef {
  const head = constraintHead(item);
  const word = head?.value.toUpperCase();
  const kind: IndexKind =
    word === 'PRIMARY'
      ? 'primary'
      : word === 'UNIQUE'
        ? 'unique'
        : word === 'FULLTEXT'
          ? 'fulltext'
          : word === 'SPATIAL'
            ? 'spatial'
            : 'index';
  const open = item.findIndex((t) => isOp(t, '('));
  const close = open < 0 ? -1 : matchParen(item, open);
  if (close < 0) throw new DumpInputError(`index without a column list: ${text.sql.slice(0, 80)}`);
  let name: string | null = null;
  for (let k = item.indexOf(head as Token) + 1; k < open; k++) {
    if (isWord(item[k], 'KEY', 'INDEX', 'USING', 'BTREE', 'HASH')) continue;
    name = nameOf(item[k]) ?? name;
    break;
  }
  if (kind !== 'primary' && name === null && isWord(item[0], 'CONSTRAINT')) name = nameOf(item[1]) ?? null;
  const parts: IndexPart[] = splitTopLevel(item, open + 1, close).map((p) => ({
    column: isOp(p[0], '(') ? null : (nameOf(p[0]) ?? null),
  }));
  return { kind, name, parts, text };
}

function parseColumn(item: Token[], text: SqlText, table: string): ColumnDef {
  const name = nameOf(item[0]);
  if (name === undefined || item[1]?.type !== 'word') {
    throw new DumpInputError(`cannot read the column definition '${text.sql.slice(0, 80)}' in \`${table}\``);
  }
  let k = 2;
  let typeArgs: string | null = null;
  if (isOp(item[2], '(')) {
    const close = matchParen(item, 2);
    if (close < 0) throw new DumpInputError(`unbalanced parentheses in column \`${name}\` of \`${table}\``);
    typeArgs = text.sql.slice(item[2].end - item[0].start, item[close].start - item[0].start);
    k = close + 1;
  }
  const attrs = topLevelWords(item, k);
  const has = (w: string) => attrs.includes(w);
  const notNull = attrs.some((w, j) => w === 'NOT' && attrs[j + 1] === 'NULL');
  return {
    name,
    type: item[1].value.toLowerCase(),
    typeArgs,
    unsigned: has('UNSIGNED'),
    nullable: !notNull,
    autoIncrement: has('AUTO_INCREMENT'),
    generated: has('GENERATED') || has('AS'),
    text,
  };
}

/** Upper-cased words of tokens[from..] outside parentheses (CHECK and DEFAULT expressions stay out). */
function topLevelWords(tokens: Token[], from: number): string[] {
  const words: string[] = [];
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')')) depth--;
    else if (depth === 0 && t.type === 'word') words.push(t.value.toUpperCase());
  }
  return words;
}

/** The text a run of tokens spans, with the offsets of its charset and collation names. */
export function sqlText(sql: string, tokens: readonly Token[]): SqlText {
  const base = tokens[0].start;
  const charsetNames: CharsetName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let kind: CharsetName['kind'] | null = null;
    let at = i + 1;
    if (isWord(tokens[i], 'COLLATE')) kind = 'collation';
    else if (isWord(tokens[i], 'CHARSET')) kind = 'charset';
    else if (isWord(tokens[i], 'CHARACTER') && isWord(tokens[i + 1], 'SET')) {
      kind = 'charset';
      at = i + 2;
    }
    if (kind === null) continue;
    if (isOp(tokens[at], '=')) at++;
    const t = tokens[at];
    if (t === undefined || (t.type !== 'word' && t.type !== 'string' && t.type !== 'ident')) continue;
    const name = t.type === 'string' ? t.value.slice(1, -1) : t.value;
    charsetNames.push({ kind, name, start: t.start - base, end: t.end - base });
  }
  return { sql: sql.slice(base, tokens[tokens.length - 1].end), charsetNames };
}
