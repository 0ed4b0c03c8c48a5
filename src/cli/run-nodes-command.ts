import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createAdapter } from '../adapters/create-adapter';
import { writeManifest } from '../artifacts/manifest-artifact';
import { buildRunResults, writeRunResults } from '../artifacts/run-results';
import { compiledPath } from '../compile/compile-project';
import { ProjectCompiler } from '../compile/node-compiler';
import type { ResourceType } from '../core/types';
import { tbVersion } from '../core/version';
import { acquireWarehouseLock } from '../lock/warehouse-lock';
import { loadProject } from '../project/load-project';
import { abortOnSignals } from '../run/abort-on-signals';
import { runNodes } from '../run/run-nodes';
import { loggerFor, type GlobalOptions } from './global-options';
import { selectFromFlags, type SelectionFlags } from './select';

export interface RunFlags extends GlobalOptions, SelectionFlags {
  readonly fullRefresh?: boolean;
  readonly failFast?: boolean;
  readonly storeFailures?: boolean;
}

export interface RunKind {
  readonly command: string;
  readonly resourceTypes: readonly ResourceType[];
  readonly testsGateChildren?: boolean;
  /** Exactly these nodes (tb retry); selection flags are ignored. */
  readonly ids?: readonly string[];
}

/**
 * What `tb run`, `tb seed`, `tb test` and `tb build` share: load, select, run the DAG, write the manifest
 * and run_results.json. Returns the exit code: 0, or 1 when a node failed or the run was interrupted.
 */
export async function runNodesCommand(opts: RunFlags, kind: RunKind): Promise<number> {
  const logger = loggerFor(opts);
  const project = loadProject({ ...opts, logger });
  const ids = kind.ids
    ? kind.ids.filter((id) => id in project.manifest.nodes)
    : selectFromFlags(project, opts, [...kind.resourceTypes]);
  const target = project.target;
  // Writers take the warehouse lock that `tb pipeline` holds, so a hand-run never interleaves with it.
  const writes = kind.resourceTypes.some((t) => t !== 'test');
  const lock = writes
    ? await acquireWarehouseLock(target, { logger, command: `tb ${kind.command}` })
    : undefined;
  const adapter = createAdapter(target, { poolSize: target.threads });
  const controller = new AbortController();
  const dispose = abortOnSignals(controller, logger);
  try {
    const result = await runNodes({
      manifest: project.manifest,
      select: ids,
      compiler: new ProjectCompiler(project),
      adapter,
      logger,
      threads: target.threads,
      fullRefresh: opts.fullRefresh,
      failFast: opts.failFast,
      signal: controller.signal,
      resourceTypes: kind.resourceTypes,
      testsGateChildren: kind.testsGateChildren,
      storeFailures: opts.storeFailures,
      writeCompiled: async (compiled) => {
        const path = compiledPath(project, compiled);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, compiled.compiledSql + '\n');
        return path;
      },
      hooks: kind.resourceTypes.includes('model')
        ? { onRunStart: project.config.onRunStart, onRunEnd: project.config.onRunEnd }
        : undefined,
    });
    const { projectDir, targetPath } = project.config;
    writeManifest(projectDir, targetPath, project.manifest);
    await writeRunResults(
      join(projectDir, targetPath),
      buildRunResults(result, {
        tbVersion,
        invocationId: project.manifest.metadata.invocationId,
        adapterType: target.type,
        args: {
          which: kind.command,
          select: opts.select ?? [],
          exclude: opts.exclude ?? [],
          threads: target.threads,
          full_refresh: opts.fullRefresh ?? false,
          fail_fast: opts.failFast ?? false,
          target: target.name,
        },
      }),
    );
    return result.success ? 0 : 1;
  } finally {
    dispose();
    await adapter.close();
    await lock?.release();
  }
}
