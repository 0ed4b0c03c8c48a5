import type { Command } from 'commander';
import { withProjectOptions, withSelectionOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags } from '../run-nodes-command';

export function registerRun(program: Command): void {
  withSelectionOptions(
    withProjectOptions(program.command('run').description('build the selected models in DAG order')),
  )
    .option('--full-refresh', 'rebuild incremental models from scratch')
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction((opts: RunFlags) => runNodesCommand(opts, { command: 'run', resourceTypes: ['model'] })),
    );
}
