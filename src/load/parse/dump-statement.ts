import type { TableDef } from '../table-def';
import { parseCreateTable } from './create-table';
import { DumpInputError } from './scan-error';
import { isOp, isWord, lexSql, nameOf, type Token } from './sql-lexer';

/**
 * Every statement of a dump other than INSERT, classified. The loader sets its own session, so the dump's SET
 * statements are ignored; bronze holds tables, so views, triggers and routines are skipped with a warning (their
 * DEFINER clauses are what managed servers refuse anyway).
 */
export type DumpStatement =
  | { readonly kind: 'create-table'; readonly table: TableDef }
  | { readonly kind: 'drop-table'; readonly names: readonly string[] }
  | { readonly kind: 'ignore' }
  | { readonly kind: 'skip'; readonly what: SkippedKind; readonly name?: string };

export type SkippedKind =
  | 'view'
  | 'trigger'
  | 'procedure'
  | 'function'
  | 'event'
  | 'GTID_PURGED'
  | 'SQL_LOG_BIN'
  | 'replication position';

const IGNORED_VERBS = new Set([
  'LOCK',
  'UNLOCK',
  'USE',
  'START',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'FLUSH',
]);

export function classifyStatement(sql: string): DumpStatement {
  const tokens = lexSql(sql);
  if (tokens.length === 0) return { kind: 'ignore' };
  const verb = tokens[0].type === 'word' ? tokens[0].value.toUpperCase() : '';
  if (IGNORED_VERBS.has(verb)) return { kind: 'ignore' };
  switch (verb) {
    case 'SET':
      return classifySet(sql);
    case 'CREATE':
      return classifyCreate(sql, tokens);
    case 'DROP':
      return classifyDrop(tokens);
    case 'ALTER':
      return classifyAlter(sql, tokens);
    case 'CHANGE':
      return { kind: 'skip', what: 'replication position' };
    default:
      throw new DumpInputError(`unsupported statement '${firstWords(sql)}'`);
  }
}

function classifySet(sql: string): DumpStatement {
  if (/GTID_PURGED/i.test(sql)) return { kind: 'skip', what: 'GTID_PURGED' };
  if (/SQL_LOG_BIN/i.test(sql)) return { kind: 'skip', what: 'SQL_LOG_BIN' };
  return { kind: 'ignore' };
}

/** Skips `OR REPLACE`, `ALGORITHM=...`, `DEFINER=user@host`, `SQL SECURITY ...` to the object keyword. */
function classifyCreate(sql: string, tokens: Token[]): DumpStatement {
  for (let i = 1; i < tokens.length && i < 40; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    switch (t.value.toUpperCase()) {
      case 'TABLE':
      case 'TEMPORARY':
        return { kind: 'create-table', table: parseCreateTable(sql) };
      case 'DATABASE':
      case 'SCHEMA':
        return { kind: 'ignore' };
      case 'VIEW':
      case 'TRIGGER':
      case 'PROCEDURE':
      case 'FUNCTION':
      case 'EVENT':
        return { kind: 'skip', what: t.value.toLowerCase() as SkippedKind, name: objectName(tokens, i + 1) };
      case 'OR':
      case 'REPLACE':
      case 'ALGORITHM':
      case 'UNDEFINED':
      case 'MERGE':
      case 'TEMPTABLE':
      case 'DEFINER':
      case 'SQL':
      case 'SECURITY':
      case 'INVOKER':
      case 'AGGREGATE':
      case 'CURRENT_USER':
        continue;
      default:
        if (isOp(tokens[i - 1], '=') || t.value.startsWith('@')) continue;
        throw new DumpInputError(`unsupported statement '${firstWords(sql)}'`);
    }
  }
  throw new DumpInputError(`unsupported statement '${firstWords(sql)}'`);
}

function objectName(tokens: Token[], i: number): string | undefined {
  if (isWord(tokens[i], 'IF')) i += isWord(tokens[i + 1], 'NOT') ? 3 : 2;
  if (isOp(tokens[i + 1], '.')) i += 2;
  return nameOf(tokens[i]);
}

function classifyDrop(tokens: Token[]): DumpStatement {
  if (!isWord(tokens[1], 'TABLE', 'TABLES')) return { kind: 'ignore' };
  let i = 2;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'EXISTS')) i += 2;
  const names: string[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (isOp(t, ',') || isWord(t, 'RESTRICT', 'CASCADE')) continue;
    if (isOp(tokens[i + 1], '.')) continue;
    if (isOp(t, '.')) continue;
    const name = nameOf(t);
    if (name !== undefined) names.push(name);
  }
  return { kind: 'drop-table', names };
}

/** mysqldump brackets each table's rows with `ALTER TABLE t DISABLE KEYS` / `ENABLE KEYS`; the loader does better. */
function classifyAlter(sql: string, tokens: Token[]): DumpStatement {
  if (isWord(tokens[1], 'DATABASE', 'SCHEMA')) return { kind: 'ignore' };
  const last = tokens[tokens.length - 1];
  if (
    isWord(tokens[1], 'TABLE') &&
    isWord(last, 'KEYS') &&
    isWord(tokens[tokens.length - 2], 'DISABLE', 'ENABLE')
  ) {
    return { kind: 'ignore' };
  }
  throw new DumpInputError(`unsupported statement '${firstWords(sql)}'`);
}

function firstWords(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? flat.slice(0, 60) + '...' : flat;
}
