import type { Adapter, Relation } from '../adapters/adapter';
import { createAdapter } from '../adapters/create-adapter';
import { pruneBackups, registerBackups } from '../backups';
import { ProjectCompiler } from '../compile/node-compiler';
import type { ResourceType } from '../core/types';
import { buildDag, selectNodes } from '../graph';
import { loadDump, openSource } from '../load';
import { runNodes } from '../run/run-nodes';
import { classifyRun } from './classify-run';
import type { StageConfig } from './pipeline-config';
import type { PipelineOptions, StageAttempt } from './pipeline-types';
import { transientReason } from './transient-error';

/** Runs one attempt of a stage; created once per stage so that it can remember what is left to retry. */
export type StageRunner = (attempt: number) => Promise<StageAttempt>;

const TYPES: Readonly<Record<Exclude<StageConfig['kind'], 'load'>, ResourceType>> = {
  seed: 'seed',
  models: 'model',
  tests: 'test',
};

export function stageRunner(stage: StageConfig, options: PipelineOptions): StageRunner {
  return stage.kind === 'load' ? loadRunner(stage, options) : nodesRunner(stage, options);
}

function adapterFor(options: PipelineOptions, poolSize: number): Adapter {
  const target = options.project.target;
  return options.createAdapter
    ? options.createAdapter(target, poolSize)
    : createAdapter(target, { poolSize });
}

/** The dump's schema: as configured, else the one schema the project's sources read, else `staging`. */
export function loadSchema(stage: StageConfig, options: PipelineOptions): string {
  if (stage.schema) return stage.schema;
  const schemas = [...new Set(Object.values(options.project.manifest.sources).map((s) => s.schema))];
  return schemas.length === 1 ? schemas[0] : 'staging';
}

function loadRunner(stage: StageConfig, options: PipelineOptions): StageRunner {
  const schema = loadSchema(stage, options);
  return async () => {
    const adapter = adapterFor(options, 2);
    try {
      const { spec, latest } = dumpSpec(options);
      const source = await openSource(spec, { latest, objectStore: options.objectStore });
      const result = await loadDump(adapter, source, {
        schema,
        jobs: options.jobs,
        signal: options.signal,
        onProgress: (e) => {
          if (e.type === 'warning') options.logger.warn('load_warning', e.message);
          else if (e.type === 'done')
            options.logger.info('load_finished', `loaded ${e.result.rows} rows from ${e.result.source}`, {
              source: e.result.source,
              rows: e.result.rows,
              tables: e.result.tables.length,
              schema,
            });
        },
      });
      return { ok: true, transient: false, rows: result.rows };
    } catch (err) {
      return failure(err);
    } finally {
      await adapter.close().catch(() => undefined);
    }
  };
}

/** `s3://bucket/prefix/` (a prefix, ending in /) means the newest dump under it, as `--latest` does. */
export function dumpSpec(options: PipelineOptions): { spec: string; latest: boolean } {
  const raw = (options.source ?? '').trim();
  const flagged = /\s--latest$/.test(raw);
  const spec = raw.replace(/\s--latest$/, '').trim();
  return {
    spec,
    latest: Boolean(options.latest) || flagged || (spec.startsWith('s3://') && spec.endsWith('/')),
  };
}

function nodesRunner(stage: StageConfig, options: PipelineOptions): StageRunner {
  const kind = stage.kind as Exclude<StageConfig['kind'], 'load'>;
  const type = TYPES[kind];
  const { manifest, config } = options.project;
  let ids = selectNodes(manifest, buildDag(manifest), {
    select: stage.select.length > 0 ? stage.select : undefined,
    resourceTypes: [type],
  });
  const relations = layerRelations(options, ids);
  return async () => {
    const adapter = adapterFor(options, options.project.target.threads);
    try {
      const keep =
        kind === 'models' && options.backups === true && options.config.backupLayers.includes(stage.name);
      if (keep) await registerBackups(adapter, stage.name, relations, options.logger);
      const result = await runNodes({
        manifest,
        select: ids,
        compiler: new ProjectCompiler(options.project),
        adapter,
        logger: options.logger,
        threads: options.threads,
        signal: options.signal,
        resourceTypes: [type],
        writeCompiled: options.writeCompiled,
        hooks: kind === 'models' ? { onRunStart: config.onRunStart, onRunEnd: config.onRunEnd } : undefined,
        backupRunId: keep ? options.runId : undefined,
        // A layer is wholly the old or the new version, even after a kill -9 in the middle of it.
        publishTogether: kind === 'models',
      });
      if (keep) {
        await registerBackups(adapter, stage.name, relations, options.logger);
        await pruneBackups(adapter, stage.name, options.config.keepBackups, options.logger);
      }
      const outcome = classifyRun(result);
      // Only what failed or was skipped runs again: a retry does not rebuild what already succeeded.
      // Tables a failed layer did not publish are `skipped` results, so they are among them.
      if (!outcome.ok && outcome.retryIds.length > 0) ids = [...outcome.retryIds];
      return outcome;
    } catch (err) {
      return failure(err);
    } finally {
      await adapter.close().catch(() => undefined);
    }
  };
}

/** The tables a models stage builds: what its kept versions belong to. */
function layerRelations(options: PipelineOptions, ids: readonly string[]): Relation[] {
  const nodes = options.project.manifest.nodes;
  return ids
    .map((id) => nodes[id])
    .filter((n) => n.resourceType === 'model' && n.config.materialized !== 'ephemeral')
    .map((n) => ({ schema: n.schema, name: n.alias }));
}

function failure(err: unknown): StageAttempt {
  const transient = transientReason(err);
  const message =
    err instanceof Error ? ((err as { format?: () => string }).format?.() ?? err.message) : String(err);
  return {
    ok: false,
    transient: transient !== undefined,
    rows: 0,
    reason: transient ? `${transient}: ${message.split('\n')[0]}` : message.split('\n')[0],
  };
}
