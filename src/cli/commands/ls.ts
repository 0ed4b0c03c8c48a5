import { Option, type Command } from 'commander';
import { loadProject } from '../../project/load-project';
import { withProjectOptions, withSelectionOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';
import { selectFromFlags, type SelectionFlags } from '../select';

type Output = 'name' | 'path' | 'json' | 'selector';

export function registerLs(program: Command): void {
  withSelectionOptions(
    withProjectOptions(program.command('ls').alias('list').description('list the selected resources')),
  )
    .addOption(
      new Option('--output <format>', 'name, path, selector or json')
        .choices(['name', 'path', 'selector', 'json'])
        .default('selector'),
    )
    .action(
      runAction(async (opts: GlobalOptions & SelectionFlags & { output: Output }) => {
        const project = loadProject(opts);
        const m = project.manifest;
        for (const id of selectFromFlags(project, opts)) {
          const node = m.nodes[id] ?? m.sources[id];
          if (!node) continue;
          process.stdout.write(`${line(node, opts.output)}\n`);
        }
        return 0;
      }),
    );
}

function line(
  node: {
    uniqueId: string;
    name: string;
    resourceType: string;
    originalFilePath: string;
    fqn: readonly string[];
    config: object;
    tags: readonly string[];
  },
  output: Output,
): string {
  switch (output) {
    case 'name':
      return node.name;
    case 'path':
      return node.originalFilePath;
    case 'json':
      return JSON.stringify({
        name: node.name,
        resource_type: node.resourceType,
        unique_id: node.uniqueId,
        original_file_path: node.originalFilePath,
        tags: node.tags,
        config: node.config,
      });
    default:
      return node.resourceType === 'source'
        ? `source:${node.fqn.slice(0, 1).concat(node.fqn.slice(1)).join('.')}`
        : node.fqn.join('.');
  }
}
