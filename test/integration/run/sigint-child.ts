/**
 * A `tb run` in a process of its own, for the SIGINT test: the parent sends a real signal mid-run.
 * Usage: tsx sigint-child.ts '{"target": {...}, "silver": "...", "slowSql": "..."}'
 * Prints the log as JSON lines (debug included), then one `child_result` line.
 */
import { createAdapter } from '../../../src/adapters/create-adapter';
import type { TargetConfig } from '../../../src/core/target';
import { createLogger } from '../../../src/core/logger';
import { abortOnSignals } from '../../../src/run/abort-on-signals';
import { runNodes } from '../../../src/run/run-nodes';
import { fakeProject } from './fake-project';

interface ChildInput {
  readonly target: TargetConfig;
  readonly silver: string;
  readonly slowSql: string;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as ChildInput;
  const { silver } = input;
  const adapter = createAdapter(input.target);
  const logger = createLogger({ format: 'json', debug: true });
  const controller = new AbortController();
  const dispose = abortOnSignals(controller, logger);
  const t = { materialized: 'table' };
  const p = fakeProject([
    { name: 'first', schema: silver, sql: 'select 1 as id', config: t },
    { name: 'slow', schema: silver, sql: input.slowSql, parents: ['first'], config: t },
    { name: 'after', schema: silver, sql: `select n from ${silver}.slow`, parents: ['slow'], config: t },
  ]);
  try {
    const result = await runNodes({
      manifest: p.manifest,
      compiler: p.compiler,
      adapter,
      logger,
      signal: controller.signal,
    });
    const statuses = Object.fromEntries(result.results.map((r) => [r.uniqueId.split('.').pop(), r.status]));
    process.stdout.write(
      JSON.stringify({ event: 'child_result', statuses, interrupted: result.interrupted }) + '\n',
    );
    process.exitCode = result.interrupted ? 130 : result.success ? 0 : 1;
  } finally {
    dispose();
    await adapter.close();
  }
}

void main();
