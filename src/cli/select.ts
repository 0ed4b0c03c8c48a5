import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TbError, ErrorCodes } from '../core/errors';
import { createLogger, type LogFormat } from '../core/logger';
import type { Manifest, ResourceType } from '../core/types';
import { buildDag, selectNodes } from '../graph';
import type { ParsedProject } from '../parse/parse-project';

export interface SelectionFlags {
  readonly select?: string[];
  readonly exclude?: string[];
  readonly state?: string;
  readonly resourceType?: string[];
}

/**
 * Resolves --select/--exclude/--state into unique ids in reproducible DAG order. A selector that matches
 * nothing is warned about, as dbt does: a typo in `-s silvr` would otherwise run nothing, silently. The
 * warning goes to stderr so that `tb ls` output stays pipeable.
 */
export function selectFromFlags(
  project: ParsedProject,
  flags: SelectionFlags & { readonly logFormat?: LogFormat },
  defaultTypes?: ResourceType[],
): string[] {
  const dag = buildDag(project.manifest);
  return selectNodes(project.manifest, dag, {
    select: flags.select,
    exclude: flags.exclude,
    state: flags.state ? readState(flags.state) : undefined,
    resourceTypes: (flags.resourceType as ResourceType[] | undefined) ?? defaultTypes,
    onNoMatch: (selector) =>
      createLogger({ out: process.stderr, format: flags.logFormat }).warn(
        'selector_no_match',
        `The selection criterion '${selector}' does not match any enabled nodes`,
        { selector },
      ),
  });
}

function readState(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new TbError(ErrorCodes.commandLine, `--state ${dir}: no manifest.json there`, {
      hint: 'save target/manifest.json of the run to compare with',
    });
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}
