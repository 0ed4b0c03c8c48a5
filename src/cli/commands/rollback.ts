import type { Command } from 'commander';
import { resolve } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { rollbackLayer } from '../../backups';
import { acquireWarehouseLock } from '../../lock/warehouse-lock';
import { newRunId } from '../../pipeline/run-id';
import { collectSecrets, secretRedactor } from '../../pipeline/secret-redactor';
import { resolveProjectTarget } from '../../project/load-project';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

interface RollbackFlags extends GlobalOptions {
  readonly layer: string;
  readonly to?: string;
  readonly wait?: boolean;
}

export function registerRollback(program: Command): void {
  withProjectOptions(
    program
      .command('rollback')
      .description("put back a layer's tables as they were before a pipeline run replaced them, atomically"),
  )
    .requiredOption('--layer <layer>', 'the layer to restore (silver, gold)')
    .option(
      '--to <run id>',
      'restore the versions this run replaced (default: the newest run; see tb backups)',
    )
    .option('--wait', 'wait for a running pipeline to finish instead of exiting at once')
    .action(
      runAction(async (opts: RollbackFlags) => {
        const target = resolveProjectTarget({
          ...opts,
          projectDir: resolve(opts.projectDir ?? process.cwd()),
        });
        const redact = secretRedactor(collectSecrets(target));
        const logger = loggerFor(opts, redact);
        const lock = await acquireWarehouseLock(target, { wait: opts.wait, logger, command: 'tb rollback' });
        const adapter = createAdapter(target, { poolSize: 1 });
        try {
          const result = await rollbackLayer(adapter, opts.layer, newRunId(), opts.to, logger);
          if (logger.format === 'text') {
            process.stdout.write(
              `the live versions are kept as run ${result.keptAs}: tb rollback --layer ${opts.layer} undoes this\n`,
            );
          }
          return 0;
        } finally {
          await adapter.close();
          await lock.release();
        }
      }),
    );
}
