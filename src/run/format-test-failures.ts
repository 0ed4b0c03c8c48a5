import type { Manifest } from '../core/types';
import type { NodeResult } from './run-types';

/**
 * After the run, each failing or warning test in a block a person can act on: what failed, how many rows,
 * the rule, where the compiled SQL is, and a sample of the failing rows.
 */
export function formatTestFailures(
  nodes: Manifest['nodes'],
  results: readonly NodeResult[],
): { text: string; data: Record<string, unknown> }[] {
  return results
    .filter((r) => (r.status === 'fail' || r.status === 'warn') && nodes[r.uniqueId]?.resourceType === 'test')
    .map((r) => {
      const node = nodes[r.uniqueId];
      const lines = [
        `${r.status === 'fail' ? 'Failure' : 'Warning'} in test ${node.name} (${node.originalFilePath})`,
        `  ${r.message}`,
      ];
      if (r.compiledPath) lines.push(`  compiled code at ${r.compiledPath}`);
      if (r.relation && r.relation.schema !== node.schema)
        lines.push(`  failing rows kept in ${r.relation.schema}.${r.relation.name}`);
      if (r.sample && r.sample.length > 0) {
        lines.push(`  first ${r.sample.length} failing row${r.sample.length === 1 ? '' : 's'}:`);
        for (const row of r.sample) lines.push(`    ${JSON.stringify(row)}`);
      }
      return {
        text: lines.join('\n'),
        data: {
          unique_id: r.uniqueId,
          status: r.status,
          failures: r.failures,
          compiled_path: r.compiledPath,
          sample: r.sample,
        },
      };
    });
}
