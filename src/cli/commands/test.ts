import type { Command } from 'commander';
import { withProjectOptions, withSelectionOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags } from '../run-nodes-command';

export function registerTest(program: Command): void {
  withSelectionOptions(
    withProjectOptions(program.command('test').description('run the data tests of the selected nodes')),
  )
    .option('--store-failures', "keep every test's failing rows in its audit table")
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction((opts: RunFlags) => runNodesCommand(opts, { command: 'test', resourceTypes: ['test'] })),
    );
}
