import type { ColumnDef } from '../../../src/adapters/adapter';
import type { CompiledNode, NodeConfig, SnapshotNode } from '../../../src/core/types';

/** A compiled snapshot without a project: the planner only reads its config, relation and SELECT. */
export function fakeSnapshot(config: Record<string, unknown>, name = 'movings_snap'): CompiledNode {
  const nodeConfig = {
    enabled: true,
    materialized: 'snapshot',
    tags: [],
    pre_hook: [],
    post_hook: [],
    ...config,
  } as NodeConfig;
  const node = {
    uniqueId: `snapshot.tb.${name}`,
    resourceType: 'snapshot',
    name,
    originalFilePath: `snapshots/${name}.sql`,
    config: nodeConfig,
  } as unknown as SnapshotNode;
  return {
    node,
    relation: { schema: 'snapshots', name },
    compiledSql: 'select * from staging.movings',
    config: nodeConfig,
    preHooks: [],
    postHooks: [],
  };
}

export const col = (name: string, dataType = 'int'): ColumnDef => ({ name, dataType, nullable: true });

export const MOVINGS: readonly ColumnDef[] = [
  col('id'),
  col('status', 'varchar(20)'),
  col('rent'),
  col('updated_at', 'datetime'),
];

export const META: readonly ColumnDef[] = [
  col('tb_scd_id', 'varchar(32)'),
  col('tb_updated_at', 'datetime'),
  col('tb_valid_from', 'datetime'),
  col('tb_valid_to', 'datetime'),
];
