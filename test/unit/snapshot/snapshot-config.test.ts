import type { TbError } from '../../../src/core/errors';
import { resolveSnapshotConfig } from '../../../src/snapshot';
import { fakeSnapshot } from './fake-snapshot';

const resolve = (config: Record<string, unknown>) => resolveSnapshotConfig(fakeSnapshot(config));
const failure = (config: Record<string, unknown>): TbError => {
  try {
    resolve(config);
  } catch (err) {
    return err as TbError;
  }
  throw new Error('expected the config to be refused');
};

describe('resolveSnapshotConfig', () => {
  const ts = { strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at' };

  it('reads the timestamp and check strategies, keys and defaults', () => {
    expect(resolve(ts)).toMatchObject({
      strategy: { kind: 'timestamp', updatedAt: 'updated_at' },
      uniqueKey: ['id'],
      hardDeletes: 'ignore',
      relation: { schema: 'snapshots', name: 'movings_snap' },
      meta: {
        validFrom: 'tb_valid_from',
        validTo: 'tb_valid_to',
        scdId: 'tb_scd_id',
        updatedAt: 'tb_updated_at',
      },
    });
    expect(
      resolve({
        strategy: 'check',
        unique_key: ['tenant_id', 'room_id'],
        check_cols: 'all',
        target_schema: 'hist',
      }),
    ).toMatchObject({
      strategy: { kind: 'check', checkCols: 'all' },
      uniqueKey: ['tenant_id', 'room_id'],
      relation: { schema: 'hist', name: 'movings_snap' },
    });
  });

  it('maps both spellings of hard deletes, and refuses both at once', () => {
    expect(resolve({ ...ts, invalidate_hard_deletes: true }).hardDeletes).toBe('invalidate');
    expect(resolve({ ...ts, invalidate_hard_deletes: false }).hardDeletes).toBe('ignore');
    expect(resolve({ ...ts, hard_deletes: 'new_record' }).hardDeletes).toBe('new_record');
    expect(failure({ ...ts, hard_deletes: 'invalidate', invalidate_hard_deletes: true }).message).toMatch(
      /either 'hard_deletes' or 'invalidate_hard_deletes'/,
    );
    const typo = failure({ ...ts, hard_deletes: 'new_records' });
    expect(typo.hint).toBe("did you mean 'new_record'?");
    expect(typo.file).toBe('snapshots/movings_snap.sql');
  });

  it('refuses incomplete strategies', () => {
    expect(failure({ strategy: 'timestamp', unique_key: 'id' }).message).toMatch(/needs 'updated_at'/);
    expect(failure({ strategy: 'check', unique_key: 'id' }).message).toMatch(/needs 'check_cols'/);
    expect(failure({ strategy: 'check', unique_key: 'id', check_cols: [] }).message).toMatch(
      /needs 'check_cols'/,
    );
    expect(failure({ strategy: 'timestmap', unique_key: 'id' }).hint).toBe("did you mean 'timestamp'?");
    expect(failure({ ...ts, unique_key: undefined }).message).toMatch(/'unique_key' must be/);
    expect(failure({ ...ts, dbt_valid_to_current: "'9999-12-31'" }).message).toMatch(/not supported/);
  });

  it('renames meta columns with dbt keys and rejects unknown ones', () => {
    const config = resolve({
      ...ts,
      snapshot_meta_column_names: { dbt_valid_from: 'valid_from', tb_valid_to: 'valid_to' },
    });
    expect(config.meta).toMatchObject({ validFrom: 'valid_from', validTo: 'valid_to', scdId: 'tb_scd_id' });
    expect(failure({ ...ts, snapshot_meta_column_names: { dbt_valid_form: 'x' } }).hint).toMatch(
      /^did you mean 'dbt_valid_from'/,
    );
    expect(failure({ ...ts, snapshot_meta_column_names: { dbt_valid_from: 'tb_valid_to' } }).message).toMatch(
      /the same name/,
    );
  });
});
