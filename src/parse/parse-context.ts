import type { AdapterCapabilities } from '../adapters/adapter';
import type { TargetConfig } from '../core/target';
import type { ProjectConfig } from '../config/project-config';
import type { TemplateRuntime } from '../compile/template-runtime';
import type { Diagnostics } from '../core/errors';
import type { MacroCalls } from './macro-calls';
import type { ConfigTree } from './config-tree';
import type { ProjectFiles } from './discover-files';
import type { Properties, NodePatch } from './properties';

/** Everything the parse of one file needs, shared by every parser of the project. */
export interface ParseContext {
  readonly project: ProjectConfig;
  readonly target: TargetConfig;
  readonly capabilities: AdapterCapabilities;
  readonly runtime: TemplateRuntime;
  readonly diag: Diagnostics;
  readonly trees: Readonly<Record<'models' | 'seeds' | 'snapshots' | 'tests' | 'sources', ConfigTree>>;
  readonly properties: Properties;
  /** The project's files, each folder listed once. */
  readonly files: ProjectFiles;
  /** Patches by `<kind>:<name>`. */
  readonly patches: ReadonlyMap<string, NodePatch>;
  /** Which macros a template calls, for `depends_on.macros`. */
  readonly macroCalls: MacroCalls;
}
