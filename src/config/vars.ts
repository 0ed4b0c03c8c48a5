import * as jsYaml from 'js-yaml';
import { TbError, ErrorCodes } from '../core/errors';
import { isPlainObject } from './coerce';

/** `--vars '{k: v}'` accepts YAML or JSON (JSON is YAML). */
export function parseCliVars(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  let parsed: unknown;
  try {
    // The YAML 1.2 core schema, as project files are read (readYaml): dates stay strings.
    parsed = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch (err) {
    throw new TbError(ErrorCodes.commandLine, `--vars is not valid YAML or JSON: ${(err as Error).message}`);
  }
  if (!isPlainObject(parsed)) {
    throw new TbError(ErrorCodes.commandLine, `--vars must be a mapping, e.g. '{as_of: 2026-02-05}'`);
  }
  return parsed;
}

/**
 * Project vars may be global (`vars: {k: v}`) or scoped to a package (`vars: {my_project: {k: v}}`);
 * command-line vars win over both.
 */
export function resolveVars(
  projectVars: Readonly<Record<string, unknown>>,
  projectName: string,
  cliVars: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const scoped = isPlainObject(projectVars[projectName])
    ? (projectVars[projectName] as Record<string, unknown>)
    : {};
  const global = Object.fromEntries(Object.entries(projectVars).filter(([k]) => k !== projectName));
  return { ...global, ...scoped, ...cliVars };
}
