import type { Command } from 'commander';
import { withProjectOptions, withSelectionOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags } from '../run-nodes-command';

export function registerBuild(program: Command): void {
  withSelectionOptions(
    withProjectOptions(
      program
        .command('build')
        .description(
          'seeds, models, snapshots and tests in DAG order; a failed test skips what is downstream',
        ),
    ),
  )
    .option('--full-refresh', 'rebuild incremental models from scratch')
    .option('--store-failures', "keep every test's failing rows in its audit table")
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction((opts: RunFlags) =>
        runNodesCommand(opts, {
          command: 'build',
          resourceTypes: ['seed', 'model', 'snapshot', 'test'],
          testsGateChildren: true,
        }),
      ),
    );
}
