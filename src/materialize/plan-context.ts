import type { Relation, RelationInfo } from '../adapters/adapter';
import type { SqlDialect } from '../adapters/sql-dialect';
import type { CompiledNode } from '../core/types';
import type { RelationNamer } from './relation-names';
import type { Statement } from './statement';

/** What the warehouse looks like before the build: the runner reads it, the planner only looks. */
export interface PlanState {
  /** The target relation as it exists now, if it does. */
  readonly existing?: RelationInfo;
  /** Temporary or backup relations a crashed run left behind (they are dropped before the build). */
  readonly leftovers?: readonly RelationInfo[];
  /** Same as the runtime flag the node was compiled with: an incremental run into an existing table. */
  readonly isIncremental: boolean;
  /** Schemas of the relations the model's SQL reads (ephemeral parents looked through). */
  readonly upstreamSchemas?: readonly string[];
  /** Keep the table a swap replaces under this name instead of dropping it (backups, src/backups). */
  readonly keepPrevious?: Relation;
  /** Build a table model into its temporary but return its swap as data (`FinishStep.publish`). */
  readonly deferSwap?: boolean;
}

export interface PlanContext {
  readonly dialect: SqlDialect;
  readonly names: RelationNamer;
}

/** The compiled SELECT without trailing semicolons, which CREATE ... AS would choke on. */
export function selectSql(compiled: CompiledNode): string {
  return compiled.compiledSql.replace(/[\s;]+$/, '');
}

export function hookStatements(hooks: readonly string[], role: 'pre_hook' | 'post_hook'): Statement[] {
  return hooks
    .map((h) => h.replace(/[\s;]+$/, ''))
    .filter((h) => h.trim() !== '')
    .map((sql) => ({ sql, role }));
}

/** Drops leftovers of a crashed run with the statement that fits their kind (DROP TABLE does not drop a view). */
export function dropLeftovers(state: PlanState, ctx: PlanContext): Statement[] {
  return (state.leftovers ?? []).map((r) => ({
    sql: r.kind === 'view' ? ctx.dialect.dropView(r) : ctx.dialect.dropTable(r),
    role: 'prepare' as const,
  }));
}

/** 0-based line of `whole` where `part` starts. */
export function lineOf(whole: string, part: string): number {
  const at = whole.indexOf(part);
  return at < 0 ? 0 : whole.slice(0, at).split('\n').length - 1;
}
