import { InvalidArgumentError, Option, type Command } from 'commander';
import { createLogger, type LogFormat, type Logger } from '../core/logger';
import { RESOURCE_TYPES } from '../core/types';

/** Flags every project command takes, as dbt users type them. */
export interface GlobalOptions {
  readonly projectDir?: string;
  readonly profilesDir?: string;
  readonly target?: string;
  readonly vars?: string;
  readonly threads?: number;
  readonly logFormat: LogFormat;
  readonly debug?: boolean;
  readonly partialParse?: boolean;
  readonly staticParser?: boolean;
}

export function withProjectOptions(cmd: Command): Command {
  return cmd
    .option('--project-dir <dir>', 'folder holding project.yml (default: the current folder)')
    .option(
      '--profiles-dir <dir>',
      'folder holding profiles.yml (default: $TB_PROFILES_DIR, then the project)',
    )
    .option('-t, --target <name>', 'target of the profile to use')
    .option('--vars <yaml>', "variables as YAML or JSON, e.g. '{as_of: 2026-02-05}'")
    .option('--threads <n>', 'concurrent models (default: from the profile)', positiveInteger)
    .addOption(
      new Option('--log-format <format>', 'text or json (one JSON event per line)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--debug', 'print debug events')
    .option(
      '--no-partial-parse',
      'compile every template afresh instead of reusing target/partial_parse.json',
    )
    .option(
      '--no-static-parser',
      "render every template through nunjucks' compiler, as dbt's flag of that name",
    );
}

export function withSelectionOptions(cmd: Command): Command {
  return (
    cmd
      .option('-s, --select <selector...>', 'nodes to include (dbt selector syntax)')
      .option('--exclude <selector...>', 'nodes to leave out')
      .option('--state <dir>', 'folder of a saved manifest.json, for state: selectors')
      // A misspelt type is a usage error, not an empty listing.
      .addOption(
        new Option('--resource-type <type...>', 'only these resource types').choices([...RESOURCE_TYPES]),
      )
  );
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** The logger the global options ask for; `redact` masks secrets in every line it writes. */
export function loggerFor(options: GlobalOptions, redact?: (text: string) => string): Logger {
  return createLogger({
    format: options.logFormat === 'json' ? 'json' : 'text',
    debug: options.debug,
    redact,
  });
}
