/**
 * The docs site's data: one plain JSON object the browser app reads from `catalog.js`
 * (`window.TB_CATALOG = {...}`), since file:// pages may not fetch() a JSON file.
 */

import type { ResourceType } from '../core/types';

/** Where a column's type came from: the warehouse's own catalog, or `data_type` in properties YAML. */
export type TypeSource = 'warehouse' | 'yaml';

export interface DocsColumn {
  readonly name: string;
  readonly description: string;
  readonly type: string | null;
  readonly typeSource: TypeSource | null;
  /** False for a column described in YAML that the built relation does not have. */
  readonly inWarehouse: boolean | null;
  /** Unique ids of the generic tests on this column. */
  readonly tests: readonly string[];
}

/** What the last `tb run`/`test`/`build` recorded for a node (target/run_results.json). */
export interface DocsRunStatus {
  readonly status: string;
  readonly message: string;
  readonly executionTime: number;
  readonly failures: number | null;
  readonly generatedAt: string;
}

export interface DocsTestInfo {
  /** Generic test name (`unique`); absent for singular tests. */
  readonly testName: string | null;
  readonly columnName: string | null;
  readonly attachedNode: string | null;
  readonly severity: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
}

export interface DocsSourceInfo {
  readonly sourceName: string;
  readonly sourceDescription: string;
  readonly loadedAtField: string | null;
  readonly freshness: Readonly<Record<string, unknown>> | null;
}

/**
 * Why a node's column types are what they are: `warehouse` (read from the built relation), `not-built`
 * (the warehouse answered but has no such relation), `unreachable` / `skipped` (the warehouse was not
 * asked or did not answer), `none` (tests and ephemeral models have no relation).
 */
export type ColumnsOrigin = 'warehouse' | 'not-built' | 'unreachable' | 'skipped' | 'none';

export interface DocsNode {
  readonly uniqueId: string;
  readonly resourceType: ResourceType;
  readonly name: string;
  /** The label the lineage graph and lists show (`source_name.table` for sources). */
  readonly label: string;
  readonly packageName: string;
  readonly filePath: string;
  readonly fqn: readonly string[];
  readonly tags: readonly string[];
  readonly description: string;
  readonly materialized: string | null;
  /** `schema.alias` (or `schema.identifier` for sources); null for ephemeral models and tests. */
  readonly relation: string | null;
  readonly columns: readonly DocsColumn[];
  readonly columnsOrigin: ColumnsOrigin;
  readonly rawCode: string | null;
  readonly compiledCode: string | null;
  readonly compileError: string | null;
  readonly parents: readonly string[];
  readonly children: readonly string[];
  /** Tests that read this node (generic tests attached to it and singular tests that ref it). */
  readonly tests: readonly string[];
  readonly lastRun: DocsRunStatus | null;
  readonly test: DocsTestInfo | null;
  readonly source: DocsSourceInfo | null;
}

export type WarehouseState = 'reachable' | 'unreachable' | 'skipped';

export interface DocsMetadata {
  readonly projectName: string;
  readonly generatedAt: string;
  readonly tbVersion: string;
  readonly adapterType: string;
  readonly targetName: string;
  readonly warehouse: WarehouseState;
  /** Why the warehouse could not be read, when it could not. */
  readonly warehouseError: string | null;
  /** When target/run_results.json was written, if there was one. */
  readonly runResultsAt: string | null;
}

export interface DocsCatalog {
  readonly metadata: DocsMetadata;
  readonly nodes: Readonly<Record<string, DocsNode>>;
}
