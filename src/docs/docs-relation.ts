import type { GraphNode, Relation } from '../core/types';

/**
 * The warehouse relation whose columns a node's page shows: the built relation of a model, seed or
 * snapshot, the table a source names. Tests, analyses and ephemeral models have none.
 */
export function docsRelation(node: GraphNode): Relation | undefined {
  switch (node.resourceType) {
    case 'source':
      return { schema: node.schema, name: node.identifier };
    case 'seed':
    case 'snapshot':
      return { schema: node.schema, name: node.alias };
    case 'model':
      return node.config.materialized === 'ephemeral' ? undefined : { schema: node.schema, name: node.alias };
    default:
      return undefined;
  }
}
