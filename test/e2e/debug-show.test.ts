import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createAdapter } from '../../src/adapters/create-adapter';
import type { Adapter } from '../../src/adapters/adapter';
import { mysqlTarget, uniqueSuffix } from '../helpers/targets';
import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

const tb = (args: string[], cwd: string) => runTbSync(args, cwd);

const PROJECT = `name: shop
profile: shop
models:
  shop:
    +materialized: table
`;

/** The models every engine gets; none has a custom schema, so all live in the target schema. */
const MODELS = {
  'project.yml': PROJECT,
  'models/rooms.sql':
    "select 1 as id, '佐藤 花子' as tenant, null as note\nunion all select 22, 'John Smith', 'second floor'",
  'models/tenants.sql': "select tenant from {{ ref('rooms') }} where id = 22",
  'models/big.sql': "select 'a very long memo about the room that nobody will read to the end' as memo",
};

/** Builds `rooms` by hand, so that these tests do not depend on `tb run`. */
async function buildRooms(adapter: Adapter, schema: string): Promise<void> {
  const rooms = adapter.quoteRelation({ schema, name: 'rooms' });
  await adapter.execute(`drop table if exists ${rooms}`);
  await adapter.execute(`create table ${rooms} as ${MODELS['models/rooms.sql']}`);
}

describe('tb debug and tb show on SQLite', () => {
  const dir = writeProject({
    ...MODELS,
    'profiles.yml': `shop:
  target: dev
  outputs:
    dev:
      type: sqlite
      path: .tb/warehouse
`,
  });

  beforeAll(async () => {
    const adapter = createAdapter({
      name: 'dev',
      type: 'sqlite',
      path: join(dir, '.tb', 'warehouse'),
      schema: 'main',
      threads: 1,
    });
    try {
      await buildRooms(adapter, 'main');
    } finally {
      await adapter.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('debug prints versions, the profile used and the SQLite version, and exits 0', () => {
    const r = tb(['debug'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Node version: ${process.version}`);
    expect(r.out).toMatch(/tb version: \d+\.\d+\.\d+/);
    expect(r.out).toContain(`profiles.yml: ${join(dir, 'profiles.yml')}`);
    expect(r.out).toContain('adapter type: sqlite');
    expect(r.out).toContain(`path: ${join(dir, '.tb', 'warehouse')}`);
    expect(r.out).toMatch(/server version: 3\.\d+/);
    expect(r.out).toContain('All checks passed!');
  });

  it('debug names a missing target, skips the connection and exits 1', () => {
    const r = tb(['debug', '--target', 'prod'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("target 'prod' not found in profile 'shop'");
    expect(r.out).toContain('connection: [SKIP]');
  });

  it('show previews a model as an aligned table, Japanese text included', () => {
    const r = tb(['show', '--select', 'rooms'], dir);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      "Previewing node 'rooms':",
      '| id | tenant     | note         |',
      '| -- | ---------- | ------------ |',
      '|  1 | 佐藤 花子  | null         |',
      '| 22 | John Smith | second floor |',
    ]);
  });

  it('show --inline renders ref() and honours --limit', () => {
    const r = tb(
      ['show', '--inline', "select id from {{ ref('rooms') }} order by id desc", '--limit', '1'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual(['Previewing inline node:', '| id |', '| -- |', '| 22 |']);
  });

  it('show --output json prints the rows alone on stdout', () => {
    const r = tb(['show', '-s', 'tenants', '--output', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ node: 'tenants', show: [{ tenant: 'John Smith' }] });
  });

  it('show truncates long values to --max-column-width', () => {
    const r = tb(['show', '-s', 'big', '--max-column-width', '12'], dir);
    expect(r.out).toContain('| a very long… |');
  });

  // A selection of the wrong size is a usage error (exit 2), like a selector that does not parse.
  it('show fails clearly when the selection matches no node or several', () => {
    const none = tb(['show', '--select', 'roomz'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain('tb show needs exactly one node, but --select roomz matched 0 nodes');
    const two = tb(['show', '--select', 'rooms', 'tenants'], dir);
    expect(two.code).toBe(2);
    expect(two.err).toContain('matched 2 nodes: model.shop.rooms, model.shop.tenants');
    expect(tb(['show'], dir).code).toBe(2);
    expect(tb(['show', '-s', 'rooms', '--limit', 'many'], dir).code).toBe(2);
  });

  it('show reports a database error with the node, its file and the failing SQL, exit 1', () => {
    const r = tb(['show', '--inline', 'select nope from {{ ref("rooms") }}'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[TB401] Database error previewing inline SQL: no such column: nope');
    expect(r.err).toContain('> 2 | select nope from "main"."rooms"');
  });
});

describe('tb debug and tb show on MariaDB', () => {
  const tag = `tbshow_${uniqueSuffix()}`;
  const password = `pw-${uniqueSuffix()}-Secret!`;
  const base = mysqlTarget(tag);
  const output = (name: string, fields: Record<string, string | number>) =>
    `    ${name}:\n` +
    Object.entries({ type: 'mysql', host: base.host, port: base.port, user: tag, schema: tag, ...fields })
      .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`)
      .join('\n');
  const dir = writeProject({
    ...MODELS,
    'profiles.yml': [
      'shop:\n  target: dev\n  outputs:',
      output('dev', { password }),
      // Port 1 (tcpmux) is closed on any test machine: the connection is refused at once.
      output('wrongport', { password, port: 1 }),
      output('wrongpassword', { password: `${password}-not` }),
    ].join('\n'),
  });
  const root = createAdapter(base, { poolSize: 1 });

  beforeAll(async () => {
    await root.ensureSchema(tag);
    // A user of our own with a known password: the tests prove the password is never printed.
    await root.execute(`create user '${tag}'@'%' identified by '${password}'`);
    await root.execute(`grant all on \`${tag}\`.* to '${tag}'@'%'`);
    await buildRooms(root, tag);
  });
  afterAll(async () => {
    await root.execute(`drop user if exists '${tag}'@'%'`);
    await root.dropSchema(tag);
    await root.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('debug connects, prints the server version and masks the password', () => {
    const r = tb(['debug'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`host: ${base.host}`);
    expect(r.out).toContain(`port: ${base.port}`);
    expect(r.out).toContain(`user: ${tag}`);
    expect(r.out).toContain('password: ****');
    expect(r.out).toContain(`schema: ${tag}`);
    expect(r.out).toMatch(/server version: \d+\.\d+\.\d+/);
    expect(r.out).toContain('All checks passed!');
    expect(r.all).not.toContain(password);
  });

  it('debug --log-format json prints one JSON object, password masked', () => {
    const r = tb(['debug', '--log-format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      ok: true,
      profile: 'shop',
      target: 'dev',
      adapter_type: 'mysql',
      target_fields: { host: base.host, port: base.port, user: tag, password: '****', schema: tag },
    });
    expect(report.server_version).toMatch(/^\d+\.\d+/);
    expect(r.all).not.toContain(password);
  });

  it('debug against a closed port exits 1 naming host:port, password never shown', () => {
    const r = tb(['debug', '-t', 'wrongport'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `connection: [ERROR] cannot connect to mysql at ${base.host}:1: connect ECONNREFUSED`,
    );
    expect(r.out).toContain('Some checks failed.');
    expect(r.all).not.toContain(password);
  });

  it('debug with a wrong password exits 1 with the server refusal, neither password shown', () => {
    const r = tb(['debug', '-t', 'wrongpassword', '--log-format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c: { name: string }) => c.name === 'connection').message).toContain(
      'Access denied',
    );
    expect(r.all).not.toContain(password);
  });

  it('show previews a model and inline SQL with a ref', () => {
    const model = tb(['show', '-s', 'tenants'], dir);
    expect(model.code).toBe(0);
    expect(model.out).toContain('| John Smith |');
    const inline = tb(
      ['show', '--inline', "select id, tenant from {{ ref('rooms') }} where id = 1", '--output', 'json'],
      dir,
    );
    expect(inline.code).toBe(0);
    expect(JSON.parse(inline.out)).toEqual({ node: 'inline_query', show: [{ id: 1, tenant: '佐藤 花子' }] });
  });

  it('show selecting two nodes fails and says which', () => {
    const r = tb(['show', '-s', 'rooms tenants'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('matched 2 nodes');
  });
});
