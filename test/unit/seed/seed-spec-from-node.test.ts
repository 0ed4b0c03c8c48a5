import type { TbError } from '../../../src/core/errors';
import type { SeedNode } from '../../../src/core/types';
import { seedSpecFromNode } from '../../../src/seed';

function node(config: Record<string, unknown>): SeedNode {
  return {
    resourceType: 'seed',
    uniqueId: 'seed.tb.gender_codes',
    name: 'gender_codes',
    packageName: 'tb',
    originalFilePath: 'seeds/gender_codes.csv',
    path: 'gender_codes.csv',
    fqn: ['tb', 'gender_codes'],
    tags: [],
    config: { enabled: true, materialized: 'seed', tags: [], pre_hook: [], post_hook: [], ...config },
    description: '',
    columns: {},
    dependsOn: { nodes: [], macros: [] },
    checksum: 'x',
    patchPath: 'seeds/properties.yml',
    schema: 'seeds',
    alias: 'codes_gender',
    rawCode: '',
    refs: [],
    sources: [],
    seedFilePath: '/p/seeds/gender_codes.csv',
  };
}

describe('seedSpecFromNode', () => {
  it('loads into schema.alias with the configured column types and delimiter', () => {
    expect(seedSpecFromNode(node({ column_types: { code: 'varchar(2)' }, delimiter: ';' }))).toEqual({
      name: 'gender_codes',
      relation: { schema: 'seeds', name: 'codes_gender' },
      filePath: '/p/seeds/gender_codes.csv',
      columnTypes: { code: 'varchar(2)' },
      delimiter: ';',
    });
  });

  it('refuses a delimiter that is not one character, naming the properties file', () => {
    let err: TbError | undefined;
    try {
      seedSpecFromNode(node({ delimiter: ';;' }));
    } catch (e) {
      err = e as TbError;
    }
    expect(err?.code).toBe('TB103');
    expect(err?.file).toBe('seeds/properties.yml');
  });
});
