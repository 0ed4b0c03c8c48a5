import type { CompiledNode, ExecutableNode, NodeCompiler, RuntimeState, TestNode } from '../core/types';
import { TbError, ErrorCodes } from '../core/errors';
import type { ParsedProject } from '../parse/parse-project';
import { callMacro } from './jinja-environment';
import type { NodeHooks } from './node-hooks';
import { CteRef, RelationRef } from './relation-ref';
import { injectCtes } from './inject-ctes';

/**
 * The runtime render: `ref()` returns the real relation (or an ephemeral model's CTE name), `this` is the
 * node's own relation, `is_incremental()` reflects the warehouse. Ephemeral parents are inlined as CTEs.
 */
export class ProjectCompiler implements NodeCompiler {
  constructor(private readonly project: ParsedProject) {}

  compile(uniqueId: string, runtime: RuntimeState): CompiledNode {
    const node = this.node(uniqueId);
    const ctes: { name: string; sql: string }[] = [];
    const sql = this.renderNode(node, runtime, ctes, new Set([uniqueId]));
    return {
      node,
      relation: { schema: node.schema, name: node.alias },
      compiledSql: injectCtes(sql, ctes),
      config: node.config,
      preHooks: node.config.pre_hook.map((h) => this.renderFor(node, h, runtime, ctes)),
      postHooks: node.config.post_hook.map((h) => this.renderFor(node, h, runtime, ctes)),
    };
  }

  renderHook(sql: string): string {
    const runtime = this.project.runtime;
    return runtime.render(
      runtime.compileTemplate(sql, 'on-run hook'),
      this.hooks(undefined, { isIncremental: false, fullRefresh: false }, []),
      'on-run hook',
    );
  }

  private node(uniqueId: string): ExecutableNode {
    const node = this.project.manifest.nodes[uniqueId];
    if (!node) throw new TbError(ErrorCodes.internal, `no node ${uniqueId} in the manifest`);
    return node;
  }

  private renderNode(
    node: ExecutableNode,
    runtime: RuntimeState,
    ctes: { name: string; sql: string }[],
    seen: Set<string>,
  ): string {
    const hooks = this.hooks(node, runtime, ctes, seen);
    if (node.resourceType === 'test' && node.testMetadata) return this.renderGenericTest(node, hooks);
    const template = this.project.templates.get(node.uniqueId);
    if (!template) throw new TbError(ErrorCodes.internal, `no template for ${node.uniqueId}`);
    return this.project.runtime.render(template, hooks, node.originalFilePath).trim();
  }

  private renderFor(
    node: ExecutableNode,
    sql: string,
    runtime: RuntimeState,
    ctes: { name: string; sql: string }[],
  ): string {
    const rt = this.project.runtime;
    return rt
      .render(
        rt.compileTemplate(sql, node.originalFilePath),
        this.hooks(node, runtime, ctes),
        node.originalFilePath,
      )
      .trim();
  }

  /** Generic tests call their macro with the attached relation as `model`; a `where` config filters it first. */
  private renderGenericTest(node: TestNode, hooks: NodeHooks): string {
    const rt = this.project.runtime;
    const meta = node.testMetadata!;
    return rt.withNode(hooks, () => {
      const attached = node.attachedNode ? this.relationOf(node.attachedNode) : '';
      const where = node.config.where;
      const model = where ? `(select * from ${attached} where ${where}) tb_subquery` : attached;
      const kwargs: Record<string, unknown> = { model };
      for (const [k, v] of Object.entries(meta.kwargs)) {
        kwargs[k] =
          typeof v === 'string' && /\b(ref|source)\(/.test(v)
            ? rt.render(rt.compileTemplate(`{{ ${v} }}`, node.originalFilePath), hooks, node.originalFilePath)
            : v;
      }
      return String(callMacro(rt.getGlobal(`test_${meta.name}`), [], kwargs)).trim();
    });
  }

  private relationOf(uniqueId: string): RelationRef {
    const caps = this.project.runtime.options.capabilities;
    const source = this.project.manifest.sources[uniqueId];
    if (source) return new RelationRef(source.schema, source.identifier, caps);
    const node = this.node(uniqueId);
    return new RelationRef(node.schema, node.alias, caps);
  }

  private hooks(
    node: ExecutableNode | undefined,
    runtime: RuntimeState,
    ctes: { name: string; sql: string }[],
    seen = new Set<string>(),
  ): NodeHooks {
    const caps = this.project.runtime.options.capabilities;
    const manifest = this.project.manifest;
    const byName = this.namesIndex();
    return {
      ref: (args) => {
        const target = byName.get(args[args.length - 1]);
        if (!target)
          throw new TbError(ErrorCodes.refNotFound, `ref('${args.join("', '")}') is not in the manifest`);
        const override = runtime.relationOverrides?.[target.uniqueId];
        if (override) return new RelationRef(override.schema, override.name, caps);
        if (target.config.materialized !== 'ephemeral')
          return new RelationRef(target.schema, target.alias, caps);
        const cteName = `__tb__cte__${target.name}`;
        if (!ctes.some((c) => c.name === cteName)) {
          if (seen.has(target.uniqueId))
            throw new TbError(
              ErrorCodes.dagCycle,
              `ephemeral models refer to each other: ${[...seen].join(' -> ')}`,
            );
          const sql = this.renderNode(
            target,
            {
              isIncremental: false,
              fullRefresh: runtime.fullRefresh,
              relationOverrides: runtime.relationOverrides,
            },
            ctes,
            new Set([...seen, target.uniqueId]),
          );
          ctes.push({ name: cteName, sql });
        }
        return new CteRef('', cteName, caps);
      },
      source: (s, t) => {
        const src = manifest.sources[`source.${manifest.metadata.projectName}.${s}.${t}`];
        if (!src)
          throw new TbError(ErrorCodes.sourceNotFound, `source('${s}', '${t}') is not in the manifest`);
        return new RelationRef(src.schema, src.identifier, caps);
      },
      config: () => undefined,
      configGet: (key, fallback) => (node?.config as Record<string, unknown> | undefined)?.[key] ?? fallback,
      self: node ? new RelationRef(node.schema, node.alias, caps) : '',
      model: node
        ? {
            name: node.name,
            unique_id: node.uniqueId,
            resource_type: node.resourceType,
            config: node.config,
            path: node.path,
            original_file_path: node.originalFilePath,
            fqn: node.fqn,
            schema: node.schema,
            alias: node.alias,
          }
        : {},
      isIncremental: runtime.isIncremental,
      execute: true,
    };
  }

  private index?: Map<string, ExecutableNode>;
  private namesIndex(): Map<string, ExecutableNode> {
    if (!this.index) {
      this.index = new Map();
      for (const n of Object.values(this.project.manifest.nodes))
        if (n.resourceType !== 'test') this.index.set(n.name, n);
    }
    return this.index;
  }
}
