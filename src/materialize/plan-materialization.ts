import type { SqlDialect } from '../adapters/sql-dialect';
import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';
import type { PlanState } from './plan-context';
import { planIncremental } from './plan-incremental';
import { planTable } from './plan-table';
import { planView } from './plan-view';
import type { RelationNamer } from './relation-names';
import { assertIdentifierLength, defaultRelationNamer } from './relation-names';
import type { MaterializationPlan } from './statement';

export const SQLITE_VIEW_DOC = 'https://www.sqlite.org/lang_createview.html';

/**
 * The one entry point: compiled node + warehouse state → the statements that build it. Pure.
 * Ephemeral models never get here: the compiler inlines them into their children.
 */
export function planMaterialization(
  compiled: CompiledNode,
  state: PlanState,
  dialect: SqlDialect,
  names: RelationNamer = defaultRelationNamer(dialect.capabilities.maxIdentifierLength),
): MaterializationPlan {
  const ctx = { dialect, names };
  const file = compiled.node.originalFilePath;
  assertIdentifierLength(compiled.relation, dialect.capabilities.maxIdentifierLength, file);
  const materialized = String(compiled.config.materialized);
  switch (materialized) {
    case 'view': {
      const foreign = foreignSchemas(compiled, state);
      if (foreign.length > 0 && !dialect.capabilities.crossSchemaViews) {
        const message =
          `${compiled.relation.schema}.${compiled.relation.name} is built as a table instead of a view: it reads ` +
          `${foreign.join(', ')}, and a ${dialect.capabilities.type} view cannot read another schema (${SQLITE_VIEW_DOC})`;
        return planTable(compiled, state, ctx, { warnings: [{ event: 'view_built_as_table', message }] });
      }
      return planView(compiled, state, ctx);
    }
    case 'table':
      // Only here: an incremental writes into the live table and a view binds names at query time (README).
      return planTable(compiled, state, ctx, { defer: state.deferSwap === true });
    case 'incremental':
      return planIncremental(compiled, state, ctx);
    default:
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `materialization '${materialized}' cannot be built by tb run`,
        {
          file,
          hint: "use one of: 'view', 'table', 'incremental', 'ephemeral'",
        },
      );
  }
}

function foreignSchemas(compiled: CompiledNode, state: PlanState): string[] {
  const own = compiled.relation.schema;
  return [...new Set((state.upstreamSchemas ?? []).filter((s) => s !== own))].sort();
}
