import type { Command } from 'commander';
import { withProjectOptions, withSelectionOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags } from '../run-nodes-command';

export function registerSnapshot(program: Command): void {
  withSelectionOptions(
    withProjectOptions(
      program.command('snapshot').description('record changes of the selected snapshots (SCD type 2)'),
    ),
  )
    .option('--fail-fast', 'stop at the first failure')
    .action(
      runAction((opts: RunFlags) =>
        runNodesCommand(opts, { command: 'snapshot', resourceTypes: ['snapshot'] }),
      ),
    );
}
