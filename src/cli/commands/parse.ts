import type { Command } from 'commander';
import { writeManifest } from '../../artifacts/manifest-artifact';
import { buildDag } from '../../graph';
import { loadProject } from '../../project/load-project';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

export function registerParse(program: Command): void {
  withProjectOptions(
    program.command('parse').description('parse the project and write target/manifest.json'),
  ).action(
    runAction(async (opts: GlobalOptions) => {
      const logger = loggerFor(opts);
      const started = performance.now();
      const project = loadProject({ ...opts, logger });
      buildDag(project.manifest);
      const path = writeManifest(project.config.projectDir, project.config.targetPath, project.manifest);
      const m = project.manifest;
      const count = (t: string) => Object.values(m.nodes).filter((n) => n.resourceType === t).length;
      logger.info(
        'parse_finished',
        `Found ${count('model')} models, ${count('test')} data tests, ${count('seed')} seeds, ${count('snapshot')} snapshots, ${Object.keys(m.sources).length} sources, ${Object.keys(m.macros).length} macros in ${((performance.now() - started) / 1000).toFixed(2)}s; wrote ${path}`,
        { path, nodes: Object.keys(m.nodes).length, sources: Object.keys(m.sources).length },
      );
      return 0;
    }),
  );
}
