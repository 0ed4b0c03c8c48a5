import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../src/adapters/create-adapter';
import { runTb } from '../helpers/spawn-tb';
import { mysqlTarget, uniqueSuffix } from '../helpers/targets';
import { writePipelineProject, writeVersionDump } from '../integration/pipeline/pipeline-fixture';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every command, run as a MariaDB user with a known password: the password is nowhere in what tb leaves. */
describe('no secret in any output', () => {
  const tag = `tbprod_${uniqueSuffix()}`;
  const user = `${tag}_u`;
  const password = `Kn0wn-${uniqueSuffix()}-pw`;
  const awsSecret = `AwsS3cret${uniqueSuffix()}`;
  const admin = createAdapter(mysqlTarget(`${tag}_meta`), { poolSize: 1 });
  const schemas = { staging: `${tag}_staging`, silver: `${tag}_silver`, gold: `${tag}_gold` };
  const target = mysqlTarget(`${tag}_meta`, { user });
  const dumps = mkdtempSync(join(tmpdir(), 'tbprod-secrets-'));
  const env = {
    TB_MYSQL_USER: user,
    TB_MYSQL_PASSWORD: password,
    AWS_SECRET_ACCESS_KEY: awsSecret,
    TB_RETRY_DELAY_SCALE: '0',
  };
  const bodies: string[] = [];
  let server: Server;
  beforeAll(async () => {
    await admin.execute(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
    await admin.execute(`GRANT ALL PRIVILEGES ON \`${tag.replace(/_/g, '\\_')}\\_%\`.* TO '${user}'@'%'`);
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => (bodies.push(body), res.end('ok')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    const { rows } = await admin.execute(
      'SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?',
      [`${tag}%`],
    );
    for (const r of rows) await admin.dropSchema(String(r.s));
    await admin.execute(`DROP USER IF EXISTS '${user}'@'%'`);
    await admin.close();
    rmSync(dumps, { recursive: true, force: true });
  });

  it('holds for every command, failures included', async () => {
    const dir = writePipelineProject(target, schemas);
    const broken = writePipelineProject(target, schemas, { brokenSilver: true });
    const dump = writeVersionDump(dumps, 1);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const json = ['--log-format', 'json'];
    const runs: [string[], string, NodeJS.ProcessEnv?][] = [
      [['parse'], dir],
      [['compile'], dir],
      [['ls'], dir],
      [['debug'], dir],
      [['debug', ...json], dir],
      [['load', dump, '--schema', schemas.staging, '-j', '1'], dir],
      [
        [
          'load',
          dump,
          '--schema',
          schemas.staging,
          '--target-url',
          `mysql://${user}:${password}@127.0.0.1:3306/${tag}_meta`,
        ],
        dir,
      ],
      [['seed'], dir],
      [['run', ...json], dir],
      [['test'], dir],
      [['build', '--debug'], dir],
      [['show', '--inline', 'select 1 as one'], dir],
      [['source', 'freshness'], dir],
      [['pipeline', dump, ...json, '--debug'], dir],
      [['pipeline', dump], dir],
      [['pipeline', dump, ...json, '--notify', url], broken],
      [['backups'], dir],
      [['backups', ...json], dir],
      [['rollback', '--layer', 'gold'], dir],
      [['retry'], dir],
      [['pipeline', dump, ...json], dir, { TB_MYSQL_PASSWORD: `${password}x` }],
      [['debug'], dir, { TB_MYSQL_PASSWORD: `${password}x` }],
    ];
    const codes: number[] = [];
    let everything = '';
    for (const [args, cwd, extra] of runs) {
      const r = await runTb(args, cwd, { ...env, ...extra });
      codes.push(r.code ?? -1);
      // The transcript names the run by its place: the arguments themselves hold the password once.
      everything += `\n--- run ${codes.length}\n${r.out}\n${r.err}`;
    }
    for (const d of [dir, broken])
      for (const f of filesUnder(join(d, 'target'))) everything += readFileSync(f, 'utf8');
    everything += bodies.join('\n');
    // The commands did run against the database (so the test can fail): the pipelines succeeded, the broken one
    // failed at silver and notified, the wrong password was refused.
    expect(codes[13]).toBe(0);
    expect(codes[15]).toBe(12);
    expect(bodies).toHaveLength(1);
    expect(everything).toContain('Access denied');
    expect(everything).toContain(user);
    for (const secret of [password, encodeURIComponent(password), awsSecret]) {
      const at = everything.indexOf(secret);
      expect(at === -1 ? '' : everything.slice(Math.max(0, at - 300), at + 50)).toBe('');
    }
  });
});
