import type { Manifest } from '../../../src/core/types';
import { genericTest, m, manifest, model, node, source } from './graph-fixtures';

/**
 * pms.movings -> stg_movings -> moveouts -> report
 * pms.rooms   -> stg_rooms   -> moveouts
 *                stg_rooms   -> occupancy -> report
 * calendar (seed) -> dim_date; legacy (disabled) <- stg_rooms
 * Tests: unique_stg_movings_id, not_null_moveouts_id, relationships_moveouts_room (moveouts + stg_rooms),
 * not_null_source_movings (source), assert_report_positive (singular, report).
 */
export function shareHouseProject(): Manifest {
  return manifest([
    source('pms', 'movings', { tags: ['pii'] }),
    source('pms', 'rooms'),
    model('stg_movings', { folder: 'staging', dependsOn: ['source.p.pms.movings'], tags: ['nightly'] }),
    model('stg_rooms', { folder: 'staging', dependsOn: ['source.p.pms.rooms'] }),
    model('moveouts', {
      folder: 'gold',
      dependsOn: [m('stg_movings'), m('stg_rooms')],
      tags: ['nightly', 'gold'],
      config: { materialized: 'table', meta: { owner: 'ops' } },
      patchPath: 'p://models/gold/_gold.yml',
    }),
    model('occupancy', {
      folder: 'gold',
      dependsOn: [m('stg_rooms')],
      config: { materialized: 'incremental' },
    }),
    model('report', { dependsOn: [m('moveouts'), m('occupancy')] }),
    model('legacy', { folder: 'gold', dependsOn: [m('stg_rooms')], config: { enabled: false } }),
    node('seed', 'calendar'),
    model('dim_date', { folder: 'staging', dependsOn: ['seed.p.calendar'] }),
    genericTest('unique_stg_movings_id', 'unique', [m('stg_movings')]),
    genericTest('not_null_moveouts_id', 'not_null', [m('moveouts')], { config: { severity: 'warn' } }),
    genericTest('relationships_moveouts_room', 'relationships', [m('moveouts'), m('stg_rooms')]),
    genericTest('not_null_source_movings', 'not_null', ['source.p.pms.movings']),
    node('test', 'assert_report_positive', { dependsOn: [m('report')] }),
  ]);
}
