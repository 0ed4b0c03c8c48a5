import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetConfig } from '../../../src/core/target';
import { writeProject } from '../../helpers/temp-project';

/**
 * A mysqldump of version `version`: `apartments` with `rows` rows all stamped with the version, and a
 * one-row `marker`. Every layer built from it carries the version, so a test can tell old from new.
 */
export function writeVersionDump(dir: string, version: number, rows = 5, day = 1 + version): string {
  const path = join(dir, `pms_202602${String(day).padStart(2, '0')}.sql`);
  const values = Array.from({ length: rows }, (_, i) => `(${i + 1},'house ${i + 1} 中野',${version})`).join(
    ',',
  );
  writeFileSync(
    path,
    `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS \`apartments\`;
CREATE TABLE \`apartments\` (
  \`id\` int NOT NULL,
  \`name\` varchar(100) NOT NULL,
  \`version\` int NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO \`apartments\` VALUES ${values};
DROP TABLE IF EXISTS \`marker\`;
CREATE TABLE \`marker\` (\`version\` int NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO \`marker\` VALUES (${version});
-- Dump completed
`,
  );
  return path;
}

export interface LayerSchemas {
  readonly staging: string;
  readonly silver: string;
  readonly gold: string;
}

export interface FixtureOptions {
  /** Extra project.yml text (a `pipeline:` section). */
  readonly pipeline?: string;
  /** A silver model that fails with a SQL error. */
  readonly brokenSilver?: boolean;
  readonly goldGrants?: readonly string[];
  /** A silver model that takes this long (MySQL SLEEP), so that runs overlap or can be interrupted. */
  readonly slowSilverSeconds?: number;
  /** profiles.yml target body; default from `target`. */
  readonly profile?: string;
}

/** profiles.yml for a test target; the MySQL password comes from the environment, as in production. */
export function profileFor(target: TargetConfig): string {
  if (target.type === 'sqlite')
    return `pp:\n  target: t\n  outputs:\n    t: {type: sqlite, path: '${target.path}'}\n`;
  return `pp:
  target: t
  outputs:
    t:
      type: mysql
      host: "${target.host}"
      port: ${target.port}
      user: "{{ env_var('TB_MYSQL_USER', '${target.user}') }}"
      password: "{{ env_var('TB_MYSQL_PASSWORD', '') }}"
      database: ${target.schema}
      threads: 2
`;
}

/** The inline project: staging (loaded) → silver (2 tables) → gold (2 tables, one test), a seed. */
export function writePipelineProject(
  target: TargetConfig,
  schemas: LayerSchemas,
  options: FixtureOptions = {},
): string {
  const grants = options.goldGrants ? `\n      +grants: {select: [${options.goldGrants.join(', ')}]}` : '';
  return writeProject({
    'project.yml': `name: pp
profile: pp
models:
  pp:
    +materialized: table
    silver:
      +schema: ${schemas.silver}
    gold:
      +schema: ${schemas.gold}${grants}
${options.pipeline ?? ''}`,
    'profiles.yml': options.profile ?? profileFor(target),
    'models/sources.yml': `version: 2
sources:
  - name: pms
    schema: ${schemas.staging}
    tables: [{name: apartments}, {name: marker}]
`,
    'models/silver/apartments.sql': `select id, name, version from {{ source('pms', 'apartments') }}`,
    'models/silver/silver_marker.sql': options.brokenSilver
      ? `{{ config(alias='marker') }}select no_such_column from {{ source('pms', 'marker') }}`
      : `{{ config(alias='marker') }}select version from {{ source('pms', 'marker') }}`,
    ...(options.slowSilverSeconds
      ? { 'models/silver/slow.sql': `select sleep(${options.slowSilverSeconds}) as slept` }
      : {}),
    'models/gold/summary.sql': `select count(*) as n, max(version) as version from {{ ref('apartments') }}`,
    'models/gold/gold_marker.sql': `{{ config(alias='marker') }}select version from {{ ref('silver_marker') }}`,
    'models/gold/schema.yml': `version: 2
models:
  - name: summary
    columns:
      - name: n
        tests: [not_null]
`,
    'seeds/codes.csv': 'code,label\n1,one\n2,two\n',
  });
}
