import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TbError, ErrorCodes } from '../core/errors';
import type { Manifest, ResourceType } from '../core/types';
import { buildDag, selectNodes } from '../graph';
import type { ParsedProject } from '../parse/parse-project';

export interface SelectionFlags {
  readonly select?: string[];
  readonly exclude?: string[];
  readonly state?: string;
  readonly resourceType?: string[];
}

/** Resolves --select/--exclude/--state into unique ids in reproducible DAG order. */
export function selectFromFlags(
  project: ParsedProject,
  flags: SelectionFlags,
  defaultTypes?: ResourceType[],
): string[] {
  const dag = buildDag(project.manifest);
  return selectNodes(project.manifest, dag, {
    select: flags.select,
    exclude: flags.exclude,
    state: flags.state ? readState(flags.state) : undefined,
    resourceTypes: (flags.resourceType as ResourceType[] | undefined) ?? defaultTypes,
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
