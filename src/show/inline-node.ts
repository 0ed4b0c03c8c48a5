import type { ModelNode } from '../core/types';
import type { ParsedProject } from '../parse/parse-project';

/** dbt's name for the node `--inline` SQL becomes. */
export const INLINE_NAME = 'inline_query';

/** Where template errors in inline SQL point. */
export const INLINE_FILE = '<inline>';

/**
 * The project with `--inline` SQL added as one more model, so that the compiler renders it exactly as a
 * model file: `ref()` and `source()` return real relations, ephemeral parents become CTEs. Returns the
 * new project and the inline node's unique id; the original project is not changed.
 */
export function withInlineNode(
  project: ParsedProject,
  sql: string,
): { project: ParsedProject; uniqueId: string } {
  const projectName = project.manifest.metadata.projectName;
  const uniqueId = `sql_operation.${projectName}.${INLINE_NAME}`;
  const node: ModelNode = {
    uniqueId,
    resourceType: 'model',
    name: INLINE_NAME,
    packageName: projectName,
    originalFilePath: INLINE_FILE,
    path: INLINE_FILE,
    fqn: [projectName, INLINE_NAME],
    tags: [],
    config: { enabled: true, materialized: 'ephemeral', tags: [], pre_hook: [], post_hook: [] },
    description: '',
    columns: {},
    dependsOn: { nodes: [], macros: [] },
    checksum: '',
    schema: project.target.schema,
    alias: INLINE_NAME,
    rawCode: sql,
    refs: [],
    sources: [],
  };
  const template = project.runtime.compileTemplate(sql, INLINE_FILE);
  return {
    uniqueId,
    project: {
      ...project,
      manifest: { ...project.manifest, nodes: { ...project.manifest.nodes, [uniqueId]: node } },
      templates: new Map([...project.templates, [uniqueId, template]]),
    },
  };
}
