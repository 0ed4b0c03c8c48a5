import type { Command } from 'commander';
import { join } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { writeManifest } from '../../artifacts/manifest-artifact';
import { buildRunResults, writeRunResults } from '../../artifacts/run-results';
import { ProjectCompiler } from '../../compile/node-compiler';
import { tbVersion } from '../../core/version';
import { loadProject } from '../../project/load-project';
import { abortOnSignals } from '../../run/abort-on-signals';
import { runModels } from '../../run/run-models';
import { loggerFor, withProjectOptions, withSelectionOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';
import { selectFromFlags, type SelectionFlags } from '../select';

interface RunFlags extends GlobalOptions, SelectionFlags {
  readonly fullRefresh?: boolean;
  readonly failFast?: boolean;
}

export function registerRun(program: Command): void {
  withSelectionOptions(
    withProjectOptions(program.command('run').description('build the selected models in DAG order')),
  )
    .option('--full-refresh', 'rebuild incremental models from scratch')
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction(async (opts: RunFlags) => {
        const logger = loggerFor(opts);
        const project = loadProject({ ...opts, logger });
        const ids = selectFromFlags(project, opts, ['model']);
        const target = project.target;
        const adapter = createAdapter(target, { poolSize: target.threads });
        const controller = new AbortController();
        const dispose = abortOnSignals(controller, logger);
        try {
          const result = await runModels({
            manifest: project.manifest,
            select: ids,
            compiler: new ProjectCompiler(project),
            adapter,
            logger,
            threads: target.threads,
            fullRefresh: opts.fullRefresh,
            failFast: opts.failFast,
            signal: controller.signal,
            hooks: { onRunStart: project.config.onRunStart, onRunEnd: project.config.onRunEnd },
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
        }
      }),
    );
}
