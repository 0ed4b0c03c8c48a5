import type { Adapter } from '../../../src/adapters/adapter';
import { createMemoryLogger } from '../../../src/core/logger';
import { runNodes } from '../../../src/run/run-nodes';
import type { RunOptions, RunResult } from '../../../src/run/run-types';
import type { FakeProject } from './fake-project';

export type RunExtras = Partial<Omit<RunOptions, 'manifest' | 'compiler' | 'adapter'>>;

/** Runs a fake project and keeps the log events for assertions. */
export async function run(
  adapter: Adapter,
  project: FakeProject,
  extras: RunExtras = {},
): Promise<RunResult & { events: ReturnType<typeof createMemoryLogger>['events'] }> {
  const logger = createMemoryLogger();
  const result = await runNodes({
    manifest: project.manifest,
    compiler: project.compiler,
    adapter,
    logger,
    ...extras,
  });
  return { ...result, events: logger.events };
}

export function statusOf(result: RunResult): Record<string, string> {
  return Object.fromEntries(result.results.map((r) => [r.uniqueId.split('.').pop() as string, r.status]));
}

/** Relations whose name says a build left them behind. */
export async function leftovers(adapter: Adapter, schemas: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of schemas) {
    for (const r of await adapter.listRelations(s)) if (r.name.includes('__tb_')) out.push(`${s}.${r.name}`);
  }
  return out;
}

export async function rows(adapter: Adapter, sql: string): Promise<Record<string, unknown>[]> {
  return (await adapter.execute(sql)).rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
  );
}
