import type { ColumnDef } from '../adapters/adapter';
import type { RunResultsArtifact } from '../artifacts/run-results';
import type { GraphNode, Manifest, SourceNode, TestNode } from '../core/types';
import type {
  ColumnsOrigin,
  DocsCatalog,
  DocsNode,
  DocsRunStatus,
  DocsSourceInfo,
  DocsTestInfo,
} from './catalog-types';
import { docsRelation } from './docs-relation';
import { mergeColumns } from './merge-columns';

/** A node's SQL after the runtime render, or why it could not be rendered. */
export interface CompiledSql {
  readonly sql?: string;
  readonly error?: string;
}

/** Columns read from the warehouse, keyed by unique id; an id absent from a reachable map is not built. */
export type WarehouseColumns =
  | { readonly state: 'reachable'; readonly columns: ReadonlyMap<string, readonly ColumnDef[]> }
  | { readonly state: 'unreachable'; readonly error: string }
  | { readonly state: 'skipped' };

export interface CatalogInput {
  readonly manifest: Manifest;
  readonly compiled: ReadonlyMap<string, CompiledSql>;
  readonly warehouse: WarehouseColumns;
  readonly runResults?: Pick<RunResultsArtifact, 'metadata' | 'results'>;
  readonly generatedAt: string;
  readonly tbVersion: string;
  readonly targetName: string;
}

/** Pure: the manifest, the compiled SQL, the warehouse's columns and the last run's results → the catalog. */
export function buildCatalog(input: CatalogInput): DocsCatalog {
  const { manifest, warehouse } = input;
  const all: GraphNode[] = [...Object.values(manifest.nodes), ...Object.values(manifest.sources)];
  const enabled = all.filter((n) => n.config.enabled !== false);
  const included = new Set(enabled.map((n) => n.uniqueId));
  const tests = new Map(
    enabled.filter((n): n is TestNode => n.resourceType === 'test').map((t) => [t.uniqueId, t]),
  );
  const runs = runStatuses(input.runResults);
  const nodes: Record<string, DocsNode> = {};
  for (const node of enabled.sort((a, b) => a.uniqueId.localeCompare(b.uniqueId))) {
    const keep = (ids: readonly string[] | undefined): string[] => (ids ?? []).filter((i) => included.has(i));
    nodes[node.uniqueId] = docsNode(node, {
      parents: keep(manifest.parentMap[node.uniqueId]),
      children: keep(manifest.childMap[node.uniqueId]),
      tests: testsOf(node.uniqueId, tests, manifest),
      compiled: input.compiled.get(node.uniqueId),
      warehouse,
      lastRun: runs.get(node.uniqueId) ?? null,
    });
  }
  return {
    metadata: {
      projectName: manifest.metadata.projectName,
      generatedAt: input.generatedAt,
      tbVersion: input.tbVersion,
      adapterType: manifest.metadata.adapterType,
      targetName: input.targetName,
      warehouse: warehouse.state,
      warehouseError: warehouse.state === 'unreachable' ? warehouse.error : null,
      runResultsAt: input.runResults?.metadata.generated_at ?? null,
    },
    nodes,
  };
}

interface NodeContext {
  readonly parents: string[];
  readonly children: string[];
  readonly tests: TestNode[];
  readonly compiled: CompiledSql | undefined;
  readonly warehouse: WarehouseColumns;
  readonly lastRun: DocsRunStatus | null;
}

function docsNode(node: GraphNode, ctx: NodeContext): DocsNode {
  const relation = docsRelation(node);
  const { columns, origin } = columnsOf(node, relation !== undefined, ctx);
  const isSource = node.resourceType === 'source';
  return {
    uniqueId: node.uniqueId,
    resourceType: node.resourceType,
    name: node.name,
    label: isSource ? `${node.sourceName}.${node.name}` : node.name,
    packageName: node.packageName,
    filePath: node.originalFilePath,
    fqn: node.fqn,
    tags: node.tags,
    description: node.description,
    materialized: isSource ? null : String(node.config.materialized),
    relation: relation ? `${relation.schema}.${relation.name}` : null,
    columns,
    columnsOrigin: origin,
    rawCode: isSource ? null : node.rawCode,
    compiledCode: ctx.compiled?.sql ?? null,
    compileError: ctx.compiled?.error ?? null,
    parents: ctx.parents,
    children: ctx.children,
    tests: ctx.tests.map((t) => t.uniqueId),
    lastRun: ctx.lastRun,
    test: node.resourceType === 'test' ? testInfo(node) : null,
    source: isSource ? sourceInfo(node) : null,
  };
}

function columnsOf(
  node: GraphNode,
  hasRelation: boolean,
  ctx: NodeContext,
): { columns: DocsNode['columns']; origin: ColumnsOrigin } {
  const byColumn = new Map<string, string[]>();
  for (const t of ctx.tests) {
    if (t.attachedNode !== node.uniqueId || !t.columnName) continue;
    const key = t.columnName.toLowerCase();
    byColumn.set(key, [...(byColumn.get(key) ?? []), t.uniqueId]);
  }
  const fromWarehouse =
    hasRelation && ctx.warehouse.state === 'reachable' ? ctx.warehouse.columns.get(node.uniqueId) : undefined;
  const origin: ColumnsOrigin = !hasRelation
    ? 'none'
    : ctx.warehouse.state === 'reachable'
      ? fromWarehouse
        ? 'warehouse'
        : 'not-built'
      : ctx.warehouse.state;
  return { columns: mergeColumns(node.columns, fromWarehouse, byColumn), origin };
}

/** Tests that depend on the node: generic tests attached to it and singular tests that read it. */
function testsOf(id: string, tests: ReadonlyMap<string, TestNode>, manifest: Manifest): TestNode[] {
  return (manifest.childMap[id] ?? [])
    .map((child) => tests.get(child))
    .filter((t): t is TestNode => t !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function testInfo(node: TestNode): DocsTestInfo {
  return {
    testName: node.testMetadata?.name ?? null,
    columnName: node.columnName ?? null,
    attachedNode: node.attachedNode ?? null,
    severity: node.config.severity ?? 'error',
    kwargs: node.testMetadata?.kwargs ?? {},
  };
}

function sourceInfo(node: SourceNode): DocsSourceInfo {
  return {
    sourceName: node.sourceName,
    sourceDescription: node.sourceDescription,
    loadedAtField: node.loadedAtField ?? null,
    freshness: node.freshness ? { ...node.freshness } : null,
  };
}

function runStatuses(artifact: CatalogInput['runResults']): Map<string, DocsRunStatus> {
  const out = new Map<string, DocsRunStatus>();
  for (const r of artifact?.results ?? []) {
    out.set(r.unique_id, {
      status: r.status,
      message: r.message,
      executionTime: r.execution_time,
      failures: r.failures,
      generatedAt: artifact?.metadata.generated_at ?? '',
    });
  }
  return out;
}
