import type { Command } from 'commander';
import { writeManifestInBackground } from '../../artifacts/manifest-artifact';
import { compileProject } from '../../compile/compile-project';
import { loadProject } from '../../project/load-project';
import { loggerFor, withProjectOptions, withSelectionOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';
import { selectFromFlags, type SelectionFlags } from '../select';

export function registerCompile(program: Command): void {
  withSelectionOptions(
    withProjectOptions(
      program.command('compile').description('render the selected nodes to target/compiled/**.sql'),
    ),
  )
    .option('--quiet', 'do not print the compiled SQL of a single selected node')
    .action(
      runAction(async (opts: GlobalOptions & SelectionFlags & { quiet?: boolean }) => {
        const logger = loggerFor(opts);
        const started = performance.now();
        const project = loadProject({ ...opts, logger });
        const ids = selectFromFlags(project, opts);
        // Compiling does not change the manifest: its 13 MB (at 10,000 nodes) go to disk meanwhile.
        const manifest = writeManifestInBackground(
          project.config.projectDir,
          project.config.targetPath,
          project.manifest,
        );
        const [result] = await Promise.all([compileProject(project, ids), manifest]);
        if (result.compiled.length === 1 && !opts.quiet && opts.logFormat !== 'json')
          process.stdout.write(`${result.compiled[0].compiledSql}\n`);
        logger.info(
          'compile_finished',
          `Compiled ${result.compiled.length} nodes in ${((performance.now() - started) / 1000).toFixed(2)}s into ${project.config.targetPath}/compiled`,
          {
            nodes: result.compiled.length,
          },
        );
        return 0;
      }),
    );
}
