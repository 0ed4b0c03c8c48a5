import type { ExecutableNode } from '../core/types';
import { executeModel } from './execute-model';
import { executeSeed } from './execute-seed';
import { executeSnapshot } from './execute-snapshot';
import { executeTest } from './execute-test';
import type { RunContext } from './run-context';
import type { NodeResult } from './run-types';

type Executor = (ctx: RunContext, uniqueId: string, thread: number) => Promise<NodeResult>;

/** One executor per resource type; the scheduler does not care which runs. */
const EXECUTORS: Partial<Record<ExecutableNode['resourceType'], Executor>> = {
  model: executeModel,
  seed: executeSeed,
  test: executeTest,
  snapshot: executeSnapshot,
};

export function executeNode(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const type = ctx.options.manifest.nodes[uniqueId].resourceType;
  const executor = EXECUTORS[type];
  if (!executor) throw new Error(`no executor for ${type} nodes (${uniqueId})`);
  return executor(ctx, uniqueId, thread);
}

/** `6 seeds, 12 models and 76 data tests` */
export function describeTasks(nodes: readonly ExecutableNode[]): string {
  const names: Record<string, [string, string]> = {
    seed: ['seed', 'seeds'],
    model: ['model', 'models'],
    snapshot: ['snapshot', 'snapshots'],
    test: ['data test', 'data tests'],
  };
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.resourceType, (counts.get(n.resourceType) ?? 0) + 1);
  const order = ['seed', 'model', 'snapshot', 'test'];
  const parts = [...counts]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([t, n]) => `${n} ${(names[t] ?? [t, `${t}s`])[n === 1 ? 0 : 1]}`);
  if (parts.length === 0) return '0 nodes';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
