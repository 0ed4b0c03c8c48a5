import type { Command } from 'commander';
import { join } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { loadProject } from '../../project/load-project';
import { generateReport } from '../../report';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

/** `tb report` writes target/report/index.html: the four dashboards from gold, a static page for file://. */
export function registerReport(program: Command): void {
  withProjectOptions(
    program
      .command('report')
      .description(
        'write target/report: executive summary, new contracts, move-outs and a Tokyo map, from gold',
      ),
  ).action(runAction(report));
}

async function report(opts: GlobalOptions): Promise<number> {
  const logger = loggerFor(opts);
  const project = loadProject({ ...opts, logger });
  const adapter = createAdapter(project.target, { poolSize: 1 });
  try {
    const { outDir, data } = await generateReport(project, { adapter });
    logger.info('report_generated', `Wrote the report as of ${data.asOf} to ${outDir}`, {
      path: outDir,
      asOf: data.asOf,
      apartmentsOnMap: data.map.points.length,
      apartmentsNotOnMap: data.map.notOnMap.length,
    });
    logger.info('report_open', `Open ${join(outDir, 'index.html')}`);
    return 0;
  } finally {
    await adapter.close().catch(() => undefined);
  }
}
