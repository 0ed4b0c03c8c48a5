import { quoteIdentifier } from '../adapters/capabilities-for';
import { ProjectCompiler } from '../compile/node-compiler';
import type { ExecutableNode } from '../core/types';
import type { ParsedProject } from '../parse/parse-project';

export interface ShowQuery {
  readonly node: ExecutableNode;
  /** The node's SELECT as `tb compile` renders it (runtime render, not incremental). */
  readonly compiledSql: string;
}

/**
 * What a node reads as: its compiled SELECT, rendered as on a first (non-incremental) build. A seed has no
 * SELECT of its own, so its preview reads the loaded table.
 */
export function showQuery(project: ParsedProject, uniqueId: string): ShowQuery {
  const node = project.manifest.nodes[uniqueId];
  if (node?.resourceType === 'seed') {
    const caps = project.runtime.options.capabilities;
    return {
      node,
      compiledSql: `select * from ${quoteIdentifier(caps, node.schema)}.${quoteIdentifier(caps, node.alias)}`,
    };
  }
  const compiled = new ProjectCompiler(project).compile(uniqueId, {
    isIncremental: false,
    fullRefresh: false,
  });
  return { node: compiled.node, compiledSql: compiled.compiledSql };
}
