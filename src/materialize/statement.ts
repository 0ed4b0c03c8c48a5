import type { ColumnDef, Relation } from '../adapters/adapter';
import type { TableRename } from '../adapters/sql-dialect';

/** Why a statement is in the plan: the runner reports it, and the error message names it. */
export type StatementRole =
  | 'pre_hook'
  | 'post_hook'
  | 'prepare'
  | 'build'
  | 'count'
  | 'schema_change'
  | 'delete'
  | 'insert'
  | 'index'
  | 'swap'
  | 'cleanup'
  | 'run_hook'
  | 'grant';

export interface Statement {
  readonly sql: string;
  readonly role: StatementRole;
  /**
   * Consecutive statements with the same unit run as one: inside a transaction where DDL is transactional
   * (SQLite), in order on one connection otherwise (MySQL, where the unit is a single RENAME TABLE).
   */
  readonly unit?: string;
  /** 0-based line of `sql` where the model's compiled SQL starts, to map "at line N" back to the model. */
  readonly compiledSqlLine?: number;
  /** `count`: the row count is the first column of the first row (SELECT COUNT(*)). */
  readonly rows?: 'count';
}

export interface PlanWarning {
  readonly event: string;
  readonly message: string;
}

/** Columns the runner read from the warehouse after the first phase, for a plan's second phase. */
export interface IntrospectedColumns {
  readonly target?: readonly ColumnDef[];
  readonly temp?: readonly ColumnDef[];
}

/** The second phase of a plan: what it needs to know from the warehouse, and the statements it then runs. */
export interface FinishStep {
  readonly introspect: { readonly target: boolean; readonly temp: boolean };
  plan(columns: IntrospectedColumns): readonly Statement[];
  /**
   * Present when the swap is deferred (`PlanState.deferSwap`): `plan` then stops before the swap, and this
   * returns the swap as data for the runner to publish together with the rest of the layer.
   */
  publish?(columns: IntrospectedColumns): DeferredSwap;
}

/**
 * One table's swap, held back so that a layer's tables take their places in one atomic unit. The unit is
 * `before`, then every table's `renames` (one multi-table RENAME on MySQL), then `replaced` and `alongside`.
 */
export interface DeferredSwap {
  readonly relation: Relation;
  /** The built table the later models of the layer read instead of `relation` until the publish. */
  readonly temp: Relation;
  /** Inside the unit, before the renames (SQLite: dropping a view the table replaces). */
  readonly before: readonly Statement[];
  readonly renames: readonly TableRename[];
  /** Inside the unit, after the renames: dropping what was replaced (unless it is kept). */
  readonly replaced: readonly Statement[];
  /** Inside the unit, last (SQLite: freeing index names and creating the indexes). */
  readonly alongside: readonly Statement[];
  /** After the unit: post-hooks (the runner adds grants). */
  readonly after: readonly Statement[];
  /** When the layer is not published: drops the temporary. */
  readonly discard: readonly Statement[];
  /** Relations the unit removes (the temporary, the replaced table), for the relation cache. */
  readonly temporaries: readonly Relation[];
}

export type RelationKind = 'table' | 'view';

/**
 * What a materialization does, as data. A pure planner builds it; the runner executes `statements`, then
 * `finish` (after introspecting when it asks to), and `cleanup` whenever either fails or is cancelled.
 */
export interface MaterializationPlan {
  /** The materialization actually built (a view may fall back to a table). */
  readonly materialized: 'view' | 'table' | 'incremental';
  readonly relation: Relation;
  readonly relationKind: RelationKind;
  /** Words for the result line: `created table`, `created view`, `inserted into incremental`. */
  readonly action: string;
  readonly statements: readonly Statement[];
  readonly finish?: FinishStep;
  /** Drops every temporary the plan may have created; safe to run at any point. */
  readonly cleanup: readonly Statement[];
  /** The temporary the build writes first (the finish step may read its columns). */
  readonly temp?: Relation;
  /** Relations the plan creates and removes again, for the relation cache. */
  readonly temporaries: readonly Relation[];
  readonly warnings: readonly PlanWarning[];
}
