import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunResultsArtifact } from '../../artifacts/run-results';
import { Diagnostics, ErrorCodes, TbError } from '../../core/errors';
import type { ResourceType } from '../../core/types';
import { findProjectFile, loadProjectConfig } from '../../config/project-config';
import { withProjectOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags, type RunKind } from '../run-nodes-command';

/** What each command ran, so a retry runs the same kind of nodes with the same rules. */
const KINDS: Readonly<Record<string, Omit<RunKind, 'ids'>>> = {
  run: { command: 'run', resourceTypes: ['model'] },
  seed: { command: 'seed', resourceTypes: ['seed'] },
  test: { command: 'test', resourceTypes: ['test'] },
  snapshot: { command: 'snapshot', resourceTypes: ['snapshot'] },
  build: {
    command: 'build',
    resourceTypes: ['seed', 'model', 'snapshot', 'test'] as ResourceType[],
    testsGateChildren: true,
  },
};

const RETRIED = new Set(['error', 'fail', 'skipped']);

/** `tb retry`: runs again only what failed or was skipped in the last run_results.json. */
export function registerRetry(program: Command): void {
  withProjectOptions(
    program.command('retry').description('re-run only what failed or was skipped in the last run'),
  )
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction(async (opts: RunFlags) => {
        const projectDir = resolve(opts.projectDir ?? process.cwd());
        findProjectFile(projectDir);
        const targetPath = loadProjectConfig(projectDir, new Diagnostics()).targetPath;
        const path = join(projectDir, targetPath, 'run_results.json');
        if (!existsSync(path)) {
          throw new TbError(ErrorCodes.configInvalidValue, `nothing to retry: ${path} does not exist`, {
            hint: 'run tb run, tb test or tb build first',
          });
        }
        const last = JSON.parse(readFileSync(path, 'utf8')) as RunResultsArtifact;
        const which = String(last.args.which ?? 'run');
        const kind = KINDS[which];
        if (!kind) throw new TbError(ErrorCodes.configInvalidValue, `cannot retry a '${which}' run`);
        const ids = last.results.filter((r) => RETRIED.has(r.status)).map((r) => r.unique_id);
        if (ids.length === 0) {
          process.stdout.write(`Nothing to retry: every node of the last ${which} succeeded.\n`);
          return 0;
        }
        const fullRefresh = last.args.full_refresh === true;
        return runNodesCommand({ ...opts, fullRefresh }, { ...kind, ids });
      }),
    );
}
