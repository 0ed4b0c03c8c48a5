import { ErrorCodes, TbError } from '../core/errors';
import type { ExecutableNode } from '../core/types';
import type { Statement } from '../materialize/statement';

const CONTEXT = 2;
const HEAD = 6;

/**
 * The database's own message, without the SQL text knex puts in front of it (`<sql> - <message>`).
 */
export function databaseMessage(err: unknown, sql?: string): string {
  const e = err as { sqlMessage?: string; message?: string; errno?: number; code?: string };
  if (e?.sqlMessage) return e.errno ? `${e.sqlMessage} (${e.code ?? 'errno'} ${e.errno})` : e.sqlMessage;
  let message = e?.message ?? String(err);
  if (sql && message.startsWith(sql)) message = message.slice(sql.length).replace(/^\s*-\s*/, '');
  return message;
}

/** Messages that name the offending token, per engine wording (MySQL quotes it, SQLite follows a colon). */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /near "([^"]+)"/,
  /no such (?:column|table|function): (\S+)/,
  /Unknown (?:column|table) '([^']+)'/,
  /Table '([^']+)' doesn't exist/,
  /FUNCTION ([^\s]+) does not exist/,
  /near '([^']{1,40})/,
];

/**
 * The line of `sql` the error points at, 1-based: MySQL often says `at line N`; otherwise the token the
 * message names is looked up in the text. Undefined when the error does not say.
 */
export function errorLine(message: string, sql: string): number | undefined {
  const atLine = /at line (\d+)/.exec(message);
  if (atLine) return Number(atLine[1]);
  for (const pattern of TOKEN_PATTERNS) {
    const found = pattern.exec(message);
    if (!found) continue;
    const token = found[1].trim().split(/\s+/)[0];
    const line = token ? findToken(sql, token) : undefined;
    if (line !== undefined) return line;
  }
  return undefined;
}

/** First line containing `token` (or, for `schema.table`, its last part), case-insensitively. */
function findToken(sql: string, token: string): number | undefined {
  const lines = sql.toLowerCase().split('\n');
  for (const candidate of [token, token.split('.').pop() ?? token]) {
    const index = lines.findIndex((l) => l.includes(candidate.toLowerCase()));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/** Numbered lines around `line` (or the first lines when unknown), the failing one marked with `>`. */
export function sqlExcerpt(sql: string, line?: number): string {
  const lines = sql.split('\n');
  const from = line === undefined ? 1 : Math.max(1, line - CONTEXT);
  const to = line === undefined ? Math.min(lines.length, HEAD) : Math.min(lines.length, line + CONTEXT);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`);
  }
  if (line === undefined && to < lines.length) out.push(`  ${' '.repeat(width)} | ...`);
  return out.join('\n');
}

/**
 * A database error as a person needs it: the model and its file, the database's message, and the lines
 * of the compiled SQL (or of the hook or generated statement) where it failed.
 */
export function databaseError(
  node: ExecutableNode,
  statement: Statement,
  cause: unknown,
  compiledSql?: string,
): TbError {
  const message = databaseMessage(cause, statement.sql);
  const statementLine = errorLine(message, statement.sql);
  const inModel = statement.compiledSqlLine !== undefined && compiledSql !== undefined;
  let shown: string;
  let line: number | undefined;
  if (inModel) {
    shown = compiledSql.replace(/[\s;]+$/, '');
    line = statementLine === undefined ? undefined : statementLine - (statement.compiledSqlLine ?? 0);
    if (line !== undefined && (line < 1 || line > shown.split('\n').length)) line = undefined;
  } else {
    shown = statement.sql;
    line = statementLine;
  }
  const where = inModel ? 'compiled SQL' : `${statement.role} statement`;
  const at = line === undefined ? '' : `, line ${line}`;
  return new TbError(
    ErrorCodes.database,
    `Database error in ${node.resourceType} ${node.name} (${node.originalFilePath}): ${message}\n` +
      `  ${where}${at}:\n${indent(sqlExcerpt(shown, line))}`,
    { file: node.originalFilePath, cause },
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
