import { hash } from 'node:crypto';
import type { Template } from 'nunjucks';
import { TbError, ErrorCodes, type SourceLocation } from '../core/errors';
import { suggestion } from '../core/did-you-mean';
import { callPositions } from './call-positions';
import type { ExecutableNode, SourceNode, TestNode } from '../core/types';
import { mergeConfig, validateConfigKeys } from './config-tree';
import { parseGenericTest, type GenericTestDraft } from './generic-tests';
import type { ParseContext } from './parse-context';
import type { ParsedResources } from './parse-resources';
import { normalizeConfig, resolveRelationName, sha256 } from './parse-sql-node';

export interface LinkedNodes {
  readonly nodes: Record<string, ExecutableNode>;
  readonly sources: Record<string, SourceNode>;
  readonly templates: Map<string, Template>;
  readonly genericTests: Map<string, GenericTestDraft>;
}

/** Resolves every `ref` and `source` to a unique id, builds generic test nodes, drops disabled nodes. */
export function linkNodes(ctx: ParseContext, parsed: ParsedResources): LinkedNodes {
  const nodes: Record<string, ExecutableNode> = {};
  const templates = new Map<string, Template>();
  const byName = new Map<string, ExecutableNode>();
  const disabled = new Set<string>();
  const all = [...parsed.sql.map((p) => p.node as ExecutableNode), ...parsed.seeds];
  for (const node of all) {
    if (!node.config.enabled) {
      disabled.add(node.name);
      continue;
    }
    const prior = byName.get(node.name);
    if (prior && node.resourceType !== 'test' && prior.resourceType !== 'test') {
      ctx.diag.add(
        new TbError(
          ErrorCodes.duplicateName,
          `two resources are named '${node.name}': ${prior.originalFilePath} and ${node.originalFilePath}`,
          {
            // The second file is the one that clashes; its first line stands for the whole file.
            file: node.originalFilePath,
            line: 1,
            column: 1,
            hint: 'rename one of the files (a name is its file name; an alias renames only the table), or disable one',
          },
        ),
      );
      continue;
    }
    if (node.resourceType !== 'test') byName.set(node.name, node);
    nodes[node.uniqueId] = node as ExecutableNode;
  }
  for (const p of parsed.sql) if (nodes[p.node.uniqueId]) templates.set(p.node.uniqueId, p.template);
  const sources: Record<string, SourceNode> = {};
  for (const s of parsed.sources) if (s.config.enabled) sources[s.uniqueId] = s;
  const resolve = resolver(ctx, byName, disabled, sources);
  for (const node of Object.values(nodes)) {
    const deps = [
      ...node.refs.map((r) => resolve.ref(r, node)),
      ...node.sources.map((s) => resolve.source(s, node)),
    ];
    // The node objects were made by this parse and nothing else holds them yet: set in place rather than
    // copy 10,000 objects of 25 properties.
    (node as { dependsOn: ExecutableNode['dependsOn'] }).dependsOn = {
      nodes: uniq(deps.filter(isId)),
      macros: node.dependsOn.macros,
    };
  }
  const genericTests = new Map<string, GenericTestDraft>();
  for (const t of parsed.testSpecs) {
    if (!nodes[t.attachedTo] && !sources[t.attachedTo]) continue;
    try {
      const draft = parseGenericTest(t.spec, t.targetName);
      const node = genericTestNode(ctx, draft, t.attachedTo, resolve);
      if (!node.config.enabled) continue;
      if (nodes[node.uniqueId]) continue;
      nodes[node.uniqueId] = node;
      genericTests.set(node.uniqueId, draft);
    } catch (err) {
      if (err instanceof TbError) ctx.diag.add(err);
      else throw err;
    }
  }
  return { nodes, sources, templates, genericTests };
}

/** What made a ref or source call: a SQL file, or a test in a properties file (`at`: its entry, lazily). */
interface Caller {
  readonly originalFilePath: string;
  readonly rawCode?: string;
  readonly at?: () => Omit<SourceLocation, 'file'>;
}

interface Resolver {
  ref(args: readonly string[], node: Caller): string | undefined;
  source(args: readonly [string, string], node: Caller): string | undefined;
}

function resolver(
  ctx: ParseContext,
  byName: Map<string, ExecutableNode>,
  disabled: Set<string>,
  sources: Record<string, SourceNode>,
): Resolver {
  const sourceNames = Object.values(sources).map((s) => `${s.sourceName}.${s.name}`);
  const callSite = callSites();
  return {
    ref(args, node) {
      const name = args[args.length - 1];
      const target = byName.get(name);
      if (target) return target.uniqueId;
      const why = disabled.has(name)
        ? `ref('${name}') points at a disabled node`
        : `ref('${name}') matches no model, seed or snapshot`;
      ctx.diag.add(
        new TbError(ErrorCodes.refNotFound, why, {
          file: node.originalFilePath,
          ...callSite(node, 'ref', args),
          hint: disabled.has(name) ? 'enable it or remove the ref' : suggestion(name, byName.keys()),
        }),
      );
      return undefined;
    },
    source([s, t], node) {
      const id = `source.${ctx.project.name}.${s}.${t}`;
      if (sources[id]) return id;
      ctx.diag.add(
        new TbError(
          ErrorCodes.sourceNotFound,
          `source('${s}', '${t}') is not declared in any properties file`,
          {
            file: node.originalFilePath,
            ...callSite(node, 'source', [s, t]),
            hint: suggestion(`${s}.${t}`, sourceNames),
          },
        ),
      );
      return undefined;
    },
  };
}

/**
 * Where a failing call is written. The n-th failing call of the same arguments in a node is taken to be the
 * n-th such call in its text, so two identical bad refs get a position each. A call repeated by a loop runs
 * more often than it is written: it gets the last one. A call with variable arguments, or made inside a
 * macro, is not in the text: it gets the caller's own position, if it has one.
 */
function callSites(): (
  node: Caller,
  kind: 'ref' | 'source',
  args: readonly string[],
) => Omit<SourceLocation, 'file'> {
  const seen = new WeakMap<Caller, Map<string, number>>();
  return (node, kind, args) => {
    const key = `${kind}\0${args.join('\0')}`;
    const counts = seen.get(node) ?? new Map<string, number>();
    seen.set(node, counts);
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const written = node.rawCode ? callPositions(node.rawCode, kind, args) : [];
    return written[Math.min(n, written.length - 1)] ?? node.at?.() ?? {};
  };
}

function genericTestNode(
  ctx: ParseContext,
  draft: GenericTestDraft,
  attachedTo: string,
  resolve: Resolver,
): TestNode {
  const macroName = `test_${draft.testName}`;
  if (!ctx.runtime.hasGlobal(macroName)) {
    const known = Object.keys((ctx.runtime.env as unknown as { globals: object }).globals)
      .filter((k) => k.startsWith('test_'))
      .map((k) => k.slice(5));
    throw new TbError(ErrorCodes.compilerError, `unknown generic test '${draft.testName}'`, {
      file: draft.spec.file,
      line: draft.spec.line,
      column: draft.spec.column,
      hint:
        suggestion(draft.testName, known) ??
        'define it with {% test name(model, column_name) %} in a macro file',
    });
  }
  const folders = draft.spec.file.split('/').slice(1, -1);
  const fqn = [ctx.project.name, ...folders, draft.name];
  // A position costs a second YAML parse: ask for it only when an error needs it.
  const at = () => ({ line: draft.spec.line, column: draft.spec.column });
  const config = normalizeConfig(
    mergeConfig(
      mergeConfig(
        { enabled: true, materialized: 'test', severity: 'error', tags: [] },
        ctx.trees.tests.configFor(fqn),
      ),
      validateConfigKeys(draft.config, 'tests', draft.spec.file, at, ctx.diag),
    ),
  );
  const caller: Caller = { originalFilePath: draft.spec.file, at };
  const refDeps = refsInArgs(draft.kwargs).map((r) =>
    r.kind === 'ref' ? resolve.ref(r.args, caller) : resolve.source([r.args[0], r.args[1]], caller),
  );
  const nodeDict = { name: draft.name, resource_type: 'test', fqn, config };
  const idHash = hash('md5', `${draft.spec.file}:${draft.name}:${JSON.stringify(draft.kwargs)}`).slice(0, 10);
  return {
    uniqueId: `test.${ctx.project.name}.${draft.name}.${idHash}`,
    resourceType: 'test',
    name: draft.name,
    packageName: ctx.project.name,
    originalFilePath: draft.spec.file,
    path: draft.spec.file,
    fqn,
    tags: config.tags,
    config,
    description: '',
    columns: {},
    dependsOn: {
      nodes: uniq([attachedTo, ...refDeps.filter(isId)]),
      macros: [ctx.macroCalls.idOf(macroName) ?? `macro.tb.${macroName}`],
    },
    checksum: sha256(JSON.stringify(draft.kwargs) + JSON.stringify(config)),
    patchPath: draft.spec.file,
    // Failing rows (store_failures) go to `<target schema>_audit` unless the test names a schema.
    schema: resolveRelationName(ctx, config, nodeDict, draft.spec.file, `${ctx.target.schema}_audit`).schema,
    alias: draft.name,
    rawCode: '',
    refs: [],
    sources: [],
    testMetadata: { name: draft.testName, namespace: draft.namespace, kwargs: draft.kwargs },
    attachedNode: attachedTo,
    columnName: draft.columnName,
  };
}

/** `to: ref('rooms')` and `to: source('pms', 'rooms')` in test arguments. */
export function refsInArgs(kwargs: Record<string, unknown>): { kind: 'ref' | 'source'; args: string[] }[] {
  const out: { kind: 'ref' | 'source'; args: string[] }[] = [];
  for (const v of Object.values(kwargs)) {
    if (typeof v !== 'string') continue;
    for (const m of v.matchAll(/\b(ref|source)\(\s*([^)]*)\)/g)) {
      const args = [...m[2].matchAll(/['"]([^'"]+)['"]/g)].map((a) => a[1]);
      out.push({ kind: m[1] as 'ref' | 'source', args });
    }
  }
  return out;
}

const isId = (v: string | undefined): v is string => typeof v === 'string';
const uniq = (ids: string[]): string[] => [...new Set(ids)].sort();
