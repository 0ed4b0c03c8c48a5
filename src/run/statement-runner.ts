import type { Adapter, QueryResult, Session } from '../adapters/adapter';
import type { Logger } from '../core/logger';
import type { Statement } from '../materialize/statement';
import type { DbClock } from './db-clock';
import type { SessionRegistry } from './session-registry';

/** A statement failed: which one, and the database's error. */
export class StatementFailure extends Error {
  constructor(
    readonly statement: Statement,
    readonly dbError: unknown,
  ) {
    super(dbError instanceof Error ? dbError.message : String(dbError));
    this.name = 'StatementFailure';
  }
}

/** The run was stopped (Ctrl-C, --fail-fast) before or while this node ran. */
export class RunCancelled extends Error {
  constructor(readonly during?: Statement) {
    super('cancelled');
    this.name = 'RunCancelled';
  }
}

export interface ExecutionScope {
  readonly adapter: Adapter;
  readonly signal: AbortSignal;
  readonly clock: DbClock;
  readonly sessions: SessionRegistry;
  readonly logger: Logger;
  readonly uniqueId: string;
}

export interface ExecutionOutcome {
  /** From the last statement that reports rows (`rows: 'count'`). */
  readonly rows?: number;
}

/**
 * Runs statements in order on one session. Statements sharing a unit run in one transaction where DDL is
 * transactional. Stops before each statement once the signal is aborted; a statement the abort
 * interrupted (MySQL KILL QUERY) fails as RunCancelled, not as a database error.
 */
export async function runStatements(
  scope: ExecutionScope,
  statements: readonly Statement[],
): Promise<ExecutionOutcome> {
  if (statements.length === 0) return {};
  return scope.adapter.withSession(async (session) => {
    let rows: number | undefined;
    for (const group of unitGroups(statements)) {
      const transactional = group.length > 1 && scope.adapter.capabilities.transactionalDdl;
      const got = transactional
        ? await runTransaction(scope, session, group)
        : await runEach(scope, session, group);
      if (got !== undefined) rows = got;
    }
    return { rows };
  });
}

async function runEach(
  scope: ExecutionScope,
  session: Session,
  group: readonly Statement[],
): Promise<number | undefined> {
  let rows: number | undefined;
  for (const statement of group) {
    const result = await runOne(scope, session, statement);
    if (statement.rows === 'count') rows = firstNumber(result);
  }
  return rows;
}

async function runTransaction(
  scope: ExecutionScope,
  session: Session,
  group: readonly Statement[],
): Promise<number | undefined> {
  const { dialect } = scope.adapter;
  const tx = (sql: string): Statement => ({ sql, role: group[0].role });
  await runOne(scope, session, tx(dialect.beginTransaction));
  try {
    const rows = await runEach(scope, session, group);
    await runOne(scope, session, tx(dialect.commit));
    return rows;
  } catch (err) {
    await scope.clock.time(() => session.execute(dialect.rollback)).catch(() => undefined);
    throw err;
  }
}

async function runOne(scope: ExecutionScope, session: Session, statement: Statement): Promise<QueryResult> {
  // better-sqlite3 answers synchronously, so a chain of statements never lets the event loop read a
  // pending SIGINT; one turn of the loop here does, and costs microseconds.
  await new Promise((resolve) => setImmediate(resolve));
  if (scope.signal.aborted) throw new RunCancelled(statement);
  scope.logger.debug('statement_started', `${scope.uniqueId}: ${statement.role}`, {
    unique_id: scope.uniqueId,
    role: statement.role,
    sql: statement.sql,
  });
  scope.sessions.begin(session.id);
  try {
    return await scope.clock.time(() => session.execute(statement.sql));
  } catch (err) {
    if (scope.signal.aborted) throw new RunCancelled(statement);
    throw new StatementFailure(statement, err);
  } finally {
    scope.sessions.end(session.id);
  }
}

/** Consecutive statements with the same unit form one group; others are groups of one. */
export function unitGroups(statements: readonly Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  for (const s of statements) {
    const last = groups[groups.length - 1];
    if (last && s.unit !== undefined && last[0].unit === s.unit) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

function firstNumber(result: QueryResult): number | undefined {
  const row = result.rows[0];
  if (!row) return undefined;
  const value = Object.values(row)[0];
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
