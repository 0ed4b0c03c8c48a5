import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../../src/adapters/create-adapter';
import { createMemoryLogger } from '../../../src/core/logger';
import { readPipelineConfig } from '../../../src/pipeline/pipeline-config';
import { newRunId } from '../../../src/pipeline/run-id';
import { runPipeline } from '../../../src/pipeline/run-pipeline';
import { loadProject } from '../../../src/project/load-project';
import { mysqlTarget, testWarehouses, uniqueSuffix } from '../../helpers/targets';
import { writePipelineProject, writeVersionDump } from './pipeline-fixture';

/** A dashboard user created for the test reads gold, and nothing else, after every build and swap. */
describe('grants on MariaDB', () => {
  const wh = testWarehouses('tbprod_')[0][1]();
  const user = `tbprod_r${uniqueSuffix()}`;
  const password = `pw-${uniqueSuffix()}`;
  const dir = mkdtempSync(join(tmpdir(), 'tbprod-grants-'));
  const schemas = { staging: wh.schema('staging'), silver: wh.schema('silver'), gold: wh.schema('gold') };
  beforeAll(async () => {
    await wh.adapter.execute(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  });
  afterAll(async () => {
    await wh.adapter.execute(`DROP USER IF EXISTS '${user}'@'%'`);
    await wh.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('grants SELECT on gold tables to the configured user after every swap', async () => {
    const dump = writeVersionDump(dir, 1);
    for (let run = 0; run < 2; run++) {
      const projectDir = writePipelineProject(wh.target, schemas, { goldGrants: [user] });
      const project = loadProject({ projectDir, logger: createMemoryLogger() });
      const result = await runPipeline({
        project,
        config: readPipelineConfig(project.config.extras.pipeline),
        logger: createMemoryLogger(),
        runId: newRunId(),
        backups: true,
        delayScale: 0,
        jobs: 1,
        source: dump,
      });
      expect(result.status).toBe('success');
    }
    const reader = createAdapter(mysqlTarget(schemas.gold, { user, password }), { poolSize: 1 });
    try {
      const { rows } = await reader.execute(`SELECT n FROM \`${schemas.gold}\`.\`summary\``);
      expect(Number(rows[0].n)).toBe(5);
      await expect(
        reader.execute(`SELECT * FROM \`${schemas.silver}\`.\`apartments\``),
      ).rejects.toMatchObject({
        errno: 1142,
      });
      // Kept versions are not the dashboards' business either.
      const kept = (await wh.adapter.listRelations(schemas.gold)).find((r) => r.name.includes('__tb_bk_'));
      expect(kept).toBeDefined();
      await expect(
        reader.execute(`SELECT * FROM \`${schemas.gold}\`.\`${kept!.name}\``),
      ).rejects.toMatchObject({ errno: 1142 });
    } finally {
      await reader.close();
    }
  });
});
