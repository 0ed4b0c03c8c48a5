import { InvalidArgumentError, Option, type Command } from 'commander';
import { createAdapter } from '../../adapters/create-adapter';
import { ErrorCodes, TbError } from '../../core/errors';
import { createLogger, type Logger } from '../../core/logger';
import type { ResourceType } from '../../core/types';
import { loadProject } from '../../project/load-project';
import type { ParsedProject } from '../../parse/parse-project';
import { paint } from '../../run/colors';
import {
  DEFAULT_MAX_COLUMN_WIDTH,
  DEFAULT_PREVIEW_LIMIT,
  INLINE_NAME,
  NO_LIMIT,
  formatPreviewTable,
  jsonValue,
  runPreview,
  showQuery,
  withInlineNode,
  type PreviewResult,
} from '../../show';
import { withProjectOptions, withSelectionOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';
import { selectFromFlags, type SelectionFlags } from '../select';

interface ShowFlags extends GlobalOptions, SelectionFlags {
  readonly inline?: string;
  readonly limit: number;
  readonly output: 'text' | 'json';
  readonly maxColumnWidth: number;
}

/** Tests are left out unless asked for with --resource-type: `--select m` also picks m's tests (eager). */
const SHOW_TYPES: ResourceType[] = ['model', 'seed', 'snapshot', 'analysis'];

export function registerShow(program: Command): void {
  withSelectionOptions(
    withProjectOptions(
      program
        .command('show')
        .description('preview the rows of one node, or of inline SQL, without building anything'),
    ),
  )
    .addOption(
      new Option(
        '--inline <sql>',
        'SQL to preview; ref() and source() work, e.g. "select * from {{ ref(\'a\') }}"',
      ).conflicts('select'),
    )
    .option('--limit <n>', 'rows to preview, -1 for all', parseLimit, DEFAULT_PREVIEW_LIMIT)
    .addOption(
      new Option('--output <format>', 'text (a table) or json (the rows)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--max-column-width <n>', 'widest a table column may be', parseWidth, DEFAULT_MAX_COLUMN_WIDTH)
    .action(
      runAction(async (opts: ShowFlags) => {
        if (opts.inline === undefined && !opts.select?.length) {
          process.stderr.write('tb show: pass --select <one node> or --inline "<sql>"\n');
          return 2;
        }
        // With --output json, stdout holds the rows alone; log lines go to stderr.
        const logger = createLogger({
          format: opts.logFormat === 'json' ? 'json' : 'text',
          debug: opts.debug,
          out: opts.output === 'json' ? process.stderr : process.stdout,
        });
        const loaded = loadProject({ ...opts, logger });
        const { project, uniqueId } =
          opts.inline === undefined
            ? { project: loaded, uniqueId: onlyNode(loaded, opts) }
            : withInlineNode(loaded, opts.inline);
        const query = showQuery(project, uniqueId);
        const adapter = createAdapter(project.target, { poolSize: 1 });
        try {
          const preview = await runPreview(adapter, query.node, query.compiledSql, opts.limit);
          report(preview, opts.inline === undefined ? query.node.name : undefined, opts, logger);
          return 0;
        } finally {
          await adapter.close();
        }
      }),
    );
}

/** dbt's `show` previews one node here: a selection of none or of many is an error that says which. */
function onlyNode(project: ParsedProject, opts: ShowFlags): string {
  const ids = selectFromFlags(project, opts, SHOW_TYPES);
  if (ids.length === 1) return ids[0];
  const selection = `--select ${(opts.select ?? []).join(' ')}`;
  if (ids.length === 0) {
    throw new TbError(
      ErrorCodes.selectorSyntax,
      `tb show needs exactly one node, but ${selection} matched 0 nodes`,
      {
        hint: `list what a selector matches with: tb ls ${selection}`,
      },
    );
  }
  const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? `, ... (${ids.length - 10} more)` : '');
  throw new TbError(
    ErrorCodes.selectorSyntax,
    `tb show needs exactly one node, but ${selection} matched ${ids.length} nodes: ${shown}`,
    { hint: 'select one node by its name, e.g. --select ' + project.manifest.nodes[ids[0]]?.name },
  );
}

function report(preview: PreviewResult, nodeName: string | undefined, opts: ShowFlags, logger: Logger): void {
  const rows = preview.rows.map((r) => Object.fromEntries(preview.columns.map((c) => [c, jsonValue(r[c])])));
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify({ node: nodeName ?? INLINE_NAME, show: rows })}\n`);
    return;
  }
  const title = nodeName === undefined ? 'Previewing inline node:' : `Previewing node '${nodeName}':`;
  if (logger.format === 'json') {
    logger.info('show_preview', title, { node: nodeName ?? INLINE_NAME, columns: preview.columns, rows });
    return;
  }
  const table =
    preview.rows.length === 0
      ? '(no rows)'
      : formatPreviewTable(preview, { maxColumnWidth: opts.maxColumnWidth });
  process.stdout.write(`${paint(title, 'green', logger.interactive)}\n${table}\n`);
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < NO_LIMIT)
    throw new InvalidArgumentError('a whole number of rows, or -1 for all');
  return n;
}

function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError('a whole number of at least 2');
  return n;
}
