import type { Command } from 'commander';
import { registerCompile } from './compile';
import { registerDebug } from './debug';
import { registerGenerate } from './generate';
import { registerLoad } from './load';
import { registerLs } from './ls';
import { registerParse } from './parse';
import { registerRun } from './run';
import { registerShow } from './show';
import { registerSeed } from './seed';
import { registerTest } from './test';
import { registerBuild } from './build';
import { registerSnapshot } from './snapshot';
import { registerSource } from './source';
import { registerRetry } from './retry';
import { registerPipeline } from './pipeline';
import { registerBackups } from './backups';
import { registerRollback } from './rollback';
import { registerDemo } from './demo';
import { registerDocs } from './docs';
import { registerReport } from './report';

/** Each command file exports one `register(program)`; the list below is the CLI's whole surface. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerParse,
  registerCompile,
  registerLs,
  registerLoad,
  registerRun,
  registerSeed,
  registerTest,
  registerBuild,
  registerSnapshot,
  registerSource,
  registerRetry,
  registerDemo,
  registerGenerate,
  registerDebug,
  registerShow,
  registerPipeline,
  registerBackups,
  registerRollback,
  registerDocs,
  registerReport,
];
