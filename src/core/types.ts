/**
 * The manifest's data model: plain, readonly data that every stage after `parse/` hands on.
 * Unique ids (`model.<project>.<name>`, `source.<project>.<source>.<table>`, ...) are the one key everywhere.
 */

export const RESOURCE_TYPES = [
  'model',
  'seed',
  'snapshot',
  'test',
  'source',
  'analysis',
  'operation',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type Materialization = 'view' | 'table' | 'incremental' | 'ephemeral' | 'seed' | 'snapshot' | 'test';

export interface IndexConfig {
  readonly columns: readonly string[];
  readonly unique?: boolean;
  readonly name?: string;
}

/** Resolved configuration of a node: project tree, then properties YAML, then `config()` in the file. */
export interface NodeConfig {
  readonly enabled: boolean;
  readonly materialized: Materialization | string;
  readonly schema?: string;
  readonly alias?: string;
  readonly tags: readonly string[];
  readonly pre_hook: readonly string[];
  readonly post_hook: readonly string[];
  readonly unique_key?: string | readonly string[];
  readonly incremental_strategy?: 'append' | 'delete+insert' | 'merge';
  readonly on_schema_change?: 'ignore' | 'fail' | 'append_new_columns';
  readonly indexes?: readonly IndexConfig[];
  readonly full_refresh?: boolean;
  readonly grants?: Readonly<Record<string, readonly string[]>>;
  readonly meta?: Readonly<Record<string, unknown>>;
  /** Tests: error | warn, thresholds like ">10", where, limit, store_failures. */
  readonly severity?: 'error' | 'warn';
  readonly warn_if?: string;
  readonly error_if?: string;
  readonly where?: string;
  readonly limit?: number;
  readonly store_failures?: boolean;
  /** Seeds: column type overrides. Snapshots: strategy, updated_at, check_cols, hard_deletes. */
  readonly column_types?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

export interface ColumnInfo {
  readonly name: string;
  readonly description: string;
  readonly dataType?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface DependsOn {
  readonly nodes: readonly string[];
  readonly macros: readonly string[];
}

interface BaseNode {
  readonly uniqueId: string;
  readonly name: string;
  readonly packageName: string;
  /** Path relative to the project root, e.g. `models/gold/moveouts.sql`. */
  readonly originalFilePath: string;
  /** Path relative to its resource folder (model-paths entry), e.g. `gold/moveouts.sql`. */
  readonly path: string;
  /** Fully qualified name: project, folders, name (dbt's fqn). */
  readonly fqn: readonly string[];
  readonly tags: readonly string[];
  readonly config: NodeConfig;
  readonly description: string;
  readonly columns: Readonly<Record<string, ColumnInfo>>;
  readonly dependsOn: DependsOn;
  /** sha256 of the file's text: `state:modified` compares it. */
  readonly checksum: string;
  /** Properties YAML that described the node, if any. */
  readonly patchPath?: string;
}

/** A node that becomes (or reads) a relation in the warehouse. */
export interface RelationNode extends BaseNode {
  /** Schema the relation is built in, after generate_schema_name. */
  readonly schema: string;
  /** Relation name (alias, or name). */
  readonly alias: string;
  readonly rawCode: string;
  /** `ref('a')` / `ref('pkg', 'a')` calls recorded in the parse pass. */
  readonly refs: readonly (readonly string[])[];
  /** `source('s', 't')` calls recorded in the parse pass. */
  readonly sources: readonly (readonly [string, string])[];
}

export interface ModelNode extends RelationNode {
  readonly resourceType: 'model';
}

export interface SnapshotNode extends RelationNode {
  readonly resourceType: 'snapshot';
}

export interface AnalysisNode extends RelationNode {
  readonly resourceType: 'analysis';
}

export interface SeedNode extends RelationNode {
  readonly resourceType: 'seed';
  /** Absolute path of the CSV file. */
  readonly seedFilePath: string;
}

export interface TestMetadata {
  /** Generic test name (`unique`, `not_null`, a custom `{% test %}`); absent for singular tests. */
  readonly name: string;
  readonly namespace?: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
}

export interface TestNode extends RelationNode {
  readonly resourceType: 'test';
  readonly testMetadata?: TestMetadata;
  /** Unique id of the node a generic test is attached to. */
  readonly attachedNode?: string;
  readonly columnName?: string;
}

export interface FreshnessThreshold {
  readonly count: number;
  readonly period: 'minute' | 'hour' | 'day';
}

export interface FreshnessConfig {
  readonly warn_after?: FreshnessThreshold;
  readonly error_after?: FreshnessThreshold;
  readonly filter?: string;
}

export interface SourceNode extends BaseNode {
  readonly resourceType: 'source';
  readonly sourceName: string;
  readonly sourceDescription: string;
  readonly schema: string;
  /** Table name in the warehouse (identifier, or name). */
  readonly identifier: string;
  readonly loadedAtField?: string;
  readonly freshness?: FreshnessConfig;
}

export type ExecutableNode = ModelNode | SnapshotNode | SeedNode | TestNode | AnalysisNode;
export type GraphNode = ExecutableNode | SourceNode;

export interface MacroDef {
  readonly uniqueId: string;
  readonly name: string;
  readonly packageName: string;
  readonly originalFilePath: string;
  /** The `{% macro %}...{% endmacro %}` (or `{% test %}`) text itself. */
  readonly macroSql: string;
  readonly line: number;
  readonly kind: 'macro' | 'test';
  /** The macros its text calls (absent in manifests of tb before 0.1 kept it: read as none). */
  readonly dependsOn?: { readonly macros: readonly string[] };
}

export interface ManifestMetadata {
  readonly projectName: string;
  readonly generatedAt: string;
  readonly invocationId: string;
  readonly tbVersion: string;
  readonly adapterType: string;
}

export interface Manifest {
  readonly metadata: ManifestMetadata;
  readonly nodes: Readonly<Record<string, ExecutableNode>>;
  readonly sources: Readonly<Record<string, SourceNode>>;
  readonly macros: Readonly<Record<string, MacroDef>>;
  /** unique id -> the unique ids it depends on (dbt's parent_map). */
  readonly parentMap: Readonly<Record<string, readonly string[]>>;
  /** unique id -> the unique ids that depend on it (dbt's child_map). */
  readonly childMap: Readonly<Record<string, readonly string[]>>;
}

/** A relation in the warehouse: the same two parts on every engine. */
export interface Relation {
  readonly schema: string;
  readonly name: string;
}

/** What the runtime render of a node hands to the runner. */
export interface CompiledNode {
  readonly node: ExecutableNode;
  /** Where the node is built (schema + alias); for tests, where failures would be stored. */
  readonly relation: Relation;
  /** The rendered SELECT (models, tests, snapshots). Ephemeral parents are already inlined as CTEs. */
  readonly compiledSql: string;
  /** Config after the runtime render (a `config()` call may depend on `target` or vars). */
  readonly config: NodeConfig;
  readonly preHooks: readonly string[];
  readonly postHooks: readonly string[];
}

/** Facts about the warehouse that only the runtime render knows. */
export interface RuntimeState {
  /** The model's relation exists as a table and this is not a full refresh. */
  readonly isIncremental: boolean;
  readonly fullRefresh: boolean;
  /**
   * `ref()` of these unique ids returns the given relation instead of the model's own: a layer published
   * together reads its models' built temporaries until the layer's one swap (src/run/layer-publish.ts).
   */
  readonly relationOverrides?: Readonly<Record<string, Relation>>;
}

/** Runtime render of one node, right before it runs (dbt renders at execution time too). */
export interface NodeCompiler {
  compile(uniqueId: string, runtime: RuntimeState): CompiledNode;
  /** Renders a project-level hook (`on-run-start`, `on-run-end`). */
  renderHook(sql: string): string;
}
