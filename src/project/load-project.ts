import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../core/logger';
import type { SqliteTarget, TargetConfig } from '../core/target';
import { findProjectFile, loadProjectConfig } from '../config/project-config';
import { profileCandidates, resolveTarget } from '../config/profiles';
import { parseCliVars } from '../config/vars';
import { Diagnostics } from '../core/errors';
import { parseProject, type ParsedProject } from '../parse/parse-project';

export interface ProjectOptions {
  readonly projectDir?: string;
  readonly profilesDir?: string;
  readonly target?: string;
  /** `--vars` text (YAML or JSON). */
  readonly vars?: string;
  readonly threads?: number;
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** false: compile every template afresh (`--no-partial-parse`). */
  readonly partialParse?: boolean;
  /** false: every template through nunjucks' compiler (`--no-static-parser`). */
  readonly staticParser?: boolean;
}

/**
 * Finds the target and parses the project. Without any profiles.yml the embedded SQLite default is used
 * (`.tb/warehouse` in the project), so a newcomer needs no set-up at all.
 */
export function loadProject(options: ProjectOptions = {}): ParsedProject {
  const projectDir = resolve(options.projectDir ?? process.cwd());
  const target = resolveProjectTarget({ ...options, projectDir });
  return parseProject({
    projectDir,
    target,
    cliVars: parseCliVars(options.vars),
    env: options.env,
    logger: options.logger,
    partialParse: options.partialParse,
    staticParser: options.staticParser,
  });
}

export function resolveProjectTarget(options: ProjectOptions & { projectDir: string }): TargetConfig {
  findProjectFile(options.projectDir);
  const env = options.env ?? process.env;
  const profileName = loadProjectConfig(options.projectDir, new Diagnostics(), env).profile;
  const profileOptions = {
    projectDir: options.projectDir,
    profileName,
    profilesDir: options.profilesDir,
    target: options.target,
    threads: options.threads,
    env,
  };
  if (!profileCandidates(profileOptions).some((f) => existsSync(f)) && !options.target)
    return embeddedDefault(options.projectDir);
  return resolveTarget(profileOptions);
}

export function embeddedDefault(projectDir: string): SqliteTarget {
  return {
    name: 'default',
    type: 'sqlite',
    path: resolve(projectDir, '.tb', 'warehouse'),
    schema: 'main',
    threads: 1,
  };
}
