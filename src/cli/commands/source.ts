import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { writeJsonAtomic } from '../../artifacts/write-json';
import type { SourceNode } from '../../core/types';
import { checkFreshness, describeFreshness, freshnessCounts } from '../../freshness';
import { loadProject } from '../../project/load-project';
import { dotted, formatSeconds } from '../../run/format-node-line';
import { loggerFor, withProjectOptions, withSelectionOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';
import { selectFromFlags, type SelectionFlags } from '../select';

const WORD = { pass: 'PASS', warn: 'WARN', error: 'ERROR STALE', 'runtime error': 'ERROR' } as const;

/** `tb source freshness`: how old each source's newest row is, against its warn_after / error_after. */
export function registerSource(program: Command): void {
  const source = program.command('source').description('commands about sources');
  withSelectionOptions(
    withProjectOptions(source.command('freshness').description('check how recent each source is')),
  )
    .option('-o, --output <path>', 'where to write the results JSON (default: <target-path>/sources.json)')
    .action(
      runAction(async (opts: GlobalOptions & SelectionFlags & { output?: string }) => {
        const logger = loggerFor(opts);
        const project = loadProject({ ...opts, logger });
        const ids = selectFromFlags(project, opts, ['source']);
        const sources = ids
          .map((id) => project.manifest.sources[id])
          .filter((s): s is SourceNode => Boolean(s));
        const adapter = createAdapter(project.target);
        try {
          const started = performance.now();
          const results = await checkFreshness(adapter, sources);
          results.forEach((r, i) => {
            const line = dotted(
              `${i + 1} of ${results.length} ${WORD[r.status]} freshness of ${r.name}`,
              `${WORD[r.status]} in ${formatSeconds(r.executionTimeMs)}`,
            );
            const data = {
              unique_id: r.uniqueId,
              status: r.status,
              max_loaded_at: r.maxLoadedAt,
              age_seconds: r.ageSeconds,
              criteria: r.criteria,
            };
            const level = r.status === 'pass' ? 'info' : r.status === 'warn' ? 'warn' : 'error';
            logger[level]('freshness_checked', `${line}\n  ${describeFreshness(r)}`, data);
          });
          const c = freshnessCounts(results);
          logger.info(
            'freshness_finished',
            `Checked ${results.length} sources in ${formatSeconds(performance.now() - started)}: PASS=${c.pass} WARN=${c.warn} ERROR=${c.error} RUNTIME_ERROR=${c.runtimeError}`,
            { ...c },
          );
          writeJsonAtomic(
            resolve(
              project.config.projectDir,
              opts.output ?? join(project.config.targetPath, 'sources.json'),
            ),
            { elapsed_time: (performance.now() - started) / 1000, results },
            2,
          );
          return c.error > 0 || c.runtimeError > 0 ? 1 : 0;
        } finally {
          await adapter.close();
        }
      }),
    );
}
