import type { Command } from 'commander';
import { resolve } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { readBackups, type BackupRecord } from '../../backups';
import { collectSecrets, secretRedactor } from '../../pipeline/secret-redactor';
import { resolveProjectTarget } from '../../project/load-project';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

interface BackupsFlags extends GlobalOptions {
  readonly layer?: string;
}

export function registerBackups(program: Command): void {
  withProjectOptions(
    program
      .command('backups')
      .description('list the kept previous versions of silver and gold tables, newest run first'),
  )
    .option('--layer <layer>', 'only this layer (silver, gold)')
    .action(
      runAction(async (opts: BackupsFlags) => {
        const target = resolveProjectTarget({
          ...opts,
          projectDir: resolve(opts.projectDir ?? process.cwd()),
        });
        const redact = secretRedactor(collectSecrets(target));
        const logger = loggerFor(opts, redact);
        const adapter = createAdapter(target, { poolSize: 1 });
        try {
          const records = await readBackups(adapter, opts.layer);
          if (logger.format === 'json') {
            for (const r of records) logger.info('backup', `${r.schema}.${r.backup}`, backupJson(r));
          } else {
            for (const line of formatBackups(records)) process.stdout.write(redact(line) + '\n');
          }
          return 0;
        } finally {
          await adapter.close();
        }
      }),
    );
}

function backupJson(r: BackupRecord): Record<string, unknown> {
  return {
    run_id: r.runId,
    layer: r.layer,
    relation: `${r.schema}.${r.table}`,
    backup: `${r.schema}.${r.backup}`,
    rows: r.rows,
    created_at: r.createdAt,
  };
}

/** One block per run: `tb rollback --layer <layer> --to <run>` puts these versions back. */
export function formatBackups(records: readonly BackupRecord[]): string[] {
  if (records.length === 0) return ['no kept tables'];
  const out: string[] = [];
  const runs = [...new Set(records.map((r) => `${r.runId} ${r.layer}`))];
  for (const key of runs) {
    const [runId, layer] = key.split(' ');
    const rows = records.filter((r) => r.runId === runId && r.layer === layer);
    out.push(`run ${runId}  ${layer}  ${rows.length} tables  kept ${rows[0].createdAt}`);
    for (const r of rows) out.push(`  ${r.schema}.${r.table}  ${r.rows} rows  (${r.backup})`);
  }
  return out;
}
