import type { Command } from 'commander';
import { withProjectOptions, withSelectionOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags } from '../run-nodes-command';

export function registerSeed(program: Command): void {
  withSelectionOptions(
    withProjectOptions(program.command('seed').description('load the CSV files under seed-paths')),
  )
    .option('--full-refresh', 'accepted for dbt compatibility: every seed is rebuilt and swapped in anyway')
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction((opts: RunFlags) => runNodesCommand(opts, { command: 'seed', resourceTypes: ['seed'] })),
    );
}
