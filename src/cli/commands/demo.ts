import type { Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { join, resolve } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { goldSummary } from '../../demo/gold-summary';
import { loadDump, openSource } from '../../load';
import { formatSummary } from '../../load/progress-format';
import { loadProject } from '../../project/load-project';
import { loggerFor, withProjectOptions } from '../global-options';
import { runAction } from '../run-action';
import { runNodesCommand, type RunFlags } from '../run-nodes-command';
import { DEFAULT_AS_OF } from './generate';

interface DemoFlags extends RunFlags {
  readonly scale: string;
  readonly seed: string;
  readonly asOf: string;
}

/**
 * The main job in one command, for a newcomer: generate a small dump, load it into the target (the embedded
 * SQLite default unless told otherwise), then seeds, models and tests, and a short look at gold.
 */
export function registerDemo(program: Command): void {
  withProjectOptions(
    program
      .command('demo')
      .description('generate a small dump, load it, build and test everything, summarise gold'),
  )
    .option('--scale <s>', 'dump size (0.02 is ~20 MB)', '0.02')
    .option('--seed <n>', 'random seed of the dump', '1')
    .option('--as-of <date>', 'the dump date D', DEFAULT_AS_OF)
    .action(
      runAction(async (opts: DemoFlags) => {
        setFlagsFromString('--optimize-for-size');
        const logger = loggerFor(opts);
        const projectDir = resolve(opts.projectDir ?? process.cwd());
        const say = (msg: string) => logger.info('demo_step', msg);
        say(`Generating a PMS dump (scale ${opts.scale}, seed ${opts.seed}, as of ${opts.asOf})`);
        // Loaded on use: the generator is large and only this command and `tb generate` need it.
        const { generateDump } = await import('../../generate');
        const dump = await generateDump({
          scale: Number(opts.scale),
          seed: Number(opts.seed),
          asOf: opts.asOf,
          outDir: join(projectDir, '.tb', 'demo'),
          gzip: false,
          dirtScale: 1,
          dirt: {},
        });
        say(`Wrote ${dump.sqlPath} (${(dump.fileBytes / 1e6).toFixed(1)} MB)`);
        const vars = JSON.stringify({ as_of: opts.asOf });
        const project = loadProject({ ...opts, projectDir, vars, logger });
        const staging = Object.values(project.manifest.sources)[0]?.schema ?? 'staging';
        const adapter = createAdapter(project.target, { poolSize: 2 });
        try {
          say(`Loading it into ${project.target.type} (${staging})`);
          const loaded = await loadDump(adapter, await openSource(dump.sqlPath), { schema: staging });
          if (logger.format === 'text') for (const line of formatSummary(loaded).slice(-3)) say(line);
        } finally {
          await adapter.close();
        }
        const code = await runNodesCommand(
          { ...opts, projectDir, vars },
          { command: 'build', resourceTypes: ['seed', 'model', 'snapshot', 'test'], testsGateChildren: true },
        );
        const reader = createAdapter(project.target, { poolSize: 1 });
        try {
          process.stdout.write(`\n${await goldSummary(reader, project.manifest, opts.asOf)}\n`);
        } finally {
          await reader.close();
        }
        return code;
      }),
    );
}
