import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { DocsCatalog } from '../../src/docs/catalog-types';
import { collectErrors, launchBrowser, type TestBrowser } from '../helpers/browser';
import { writeProject } from '../helpers/temp-project';
import { DOCS_PROJECT } from '../unit/docs/docs-fixture';
import { runTbSync } from '../helpers/spawn-tb';

const ROOT = join(__dirname, '..', '..');
const TB = join(ROOT, 'bin', 'tb.js');
const SHOTS = join(ROOT, 'target', 'test-screenshots');
const ENV = { ...process.env, TB_PROFILES_DIR: '' };

const tb = (args: string[], cwd: string) => runTbSync(args, cwd);

function readCatalog(dir: string): DocsCatalog {
  const window: { TB_CATALOG?: DocsCatalog } = {};
  new Function('window', readFileSync(join(dir, 'target', 'docs', 'catalog.js'), 'utf8'))(window);
  if (!window.TB_CATALOG) throw new Error('catalog.js set no TB_CATALOG');
  return window.TB_CATALOG;
}

/** What `+orders+` must show: orders, everything upstream and downstream of it, and nothing else. */
const ORDERS_LINEAGE = [
  'model.shop.big_order_count',
  'model.shop.big_orders',
  'model.shop.customer_totals',
  'model.shop.orders',
  'model.shop.stg_customers',
  'model.shop.stg_orders',
  'seed.shop.customers',
  'seed.shop.raw_orders',
];

async function graphIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('#graph-area .tb-node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  return (ids as string[]).sort();
}

async function viewportTransform(page: Page): Promise<string | null> {
  return page.locator('#graph-area .viewport').getAttribute('transform');
}

let browser: TestBrowser;
let dir: string;
let catalog: DocsCatalog;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = writeProject(DOCS_PROJECT);
  // The source reads the seed's table: seed first, then build (statuses and types for the docs).
  expect(tb(['seed'], dir).code).toBe(0);
  expect(tb(['build'], dir).code).toBe(0);
  const generated = tb(['docs', 'generate'], dir);
  expect(generated.err).toBe('');
  expect(generated.code).toBe(0);
  expect(generated.out).toMatch(/Wrote docs for 15 nodes to .*target\/docs/);
  catalog = readCatalog(dir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Every check a person would make, on a page opened at `base` (file:// or http://). */
async function checkSite(base: string, shotPrefix: string): Promise<void> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${base}#/graph`);
    const everyGraphNode = Object.values(catalog.nodes)
      .filter((n) => n.resourceType !== 'test')
      .map((n) => n.uniqueId)
      .sort();
    await page.locator('#graph-area .tb-node').first().waitFor();
    expect(everyGraphNode).toHaveLength(11);
    expect(await graphIds(page)).toEqual(everyGraphNode);
    // Two seeds and the source into staging (3), staging into orders (2), orders on (3).
    expect(await page.locator('#graph-area .edge').count()).toBe(8);
    await page.screenshot({ path: join(SHOTS, `${shotPrefix}-graph.png`) });

    // Zoom with the wheel, pan with a drag: the one viewport transform changes each time.
    const before = await viewportTransform(page);
    const area = page.locator('#graph-area svg');
    const box = (await area.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.wheel(0, -400);
    const zoomed = await viewportTransform(page);
    expect(zoomed).not.toBe(before);
    expect(scaleOf(zoomed)).toBeGreaterThan(scaleOf(before));
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + 60, { steps: 5 });
    await page.mouse.up();
    expect(await viewportTransform(page)).not.toBe(zoomed);
    expect(page.url()).toMatch(/#\/graph$/);

    // `+orders+` shows exactly the lineage of orders.
    await page.fill('#graph-select', '+orders+');
    await page.press('#graph-select', 'Enter');
    await page.waitForFunction("window.location.hash.includes('select=')");
    await page.locator('#graph-count').waitFor();
    expect(await graphIds(page)).toEqual(ORDERS_LINEAGE);
    expect(await page.locator('#graph-count').textContent()).toBe('8');
    await page.screenshot({ path: join(SHOTS, `${shotPrefix}-graph-orders.png`) });

    // Find in the graph marks the node.
    await page.fill('#graph-find', 'customer_tot');
    expect(await page.locator('#graph-area .tb-node.match').getAttribute('data-id')).toBe(
      'model.shop.customer_totals',
    );

    // A click on a node opens its page.
    await page.locator('#graph-area .tb-node[data-id="model.shop.orders"]').click();
    await page.locator('.node-page[data-id="model.shop.orders"]').waitFor();
    await checkOrdersPage(page);
    await fullScreenshot(page, join(SHOTS, `${shotPrefix}-orders.png`));

    // The search box finds a model; Enter opens it.
    await page.fill('#search', 'customer_tot');
    expect(await page.locator('#nav .search-result').first().getAttribute('data-id')).toBe(
      'model.shop.customer_totals',
    );
    await page.press('#search', 'Enter');
    await page.locator('.node-page[data-id="model.shop.customer_totals"]').waitFor();
    expect(await page.locator('.node-page h1').textContent()).toBe('customer_totals');
    expect(await page.locator('.node-page .description').textContent()).toBe(
      'Sum of the amounts per customer',
    );

    // A source's page, reached from the sidebar.
    await page.fill('#search', '');
    await page.locator('#nav .nav-item[data-id="source.shop.shop_raw.payments"]').click();
    await page.locator('.node-page[data-id="source.shop.shop_raw.payments"]').waitFor();
    expect(await page.locator('.columns-table tbody tr').first().textContent()).toContain('INTEGER');

    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

async function checkOrdersPage(page: Page): Promise<void> {
  expect(await page.locator('.node-page h1').textContent()).toBe('orders');
  expect(page.url()).toContain('#/model/model.shop.orders');
  // The description's HTML-like text is shown as text: no <b> or <img> made of it, no script run.
  const description = page.locator('.node-page .description');
  expect(await description.textContent()).toBe(
    'One row per order. <b>bold</b> <img src=x onerror="window.PWNED=1"> & more',
  );
  expect(await description.locator('b, img').count()).toBe(0);
  expect(await page.evaluate('typeof window.PWNED')).toBe('undefined');
  // Columns with the warehouse's types; the YAML-only column is marked.
  const rows = await page
    .locator('.columns-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim())),
    );
  expect(rows).toEqual([
    ['order_id', 'INT'],
    ['customer_id', 'INT'],
    ['name', 'TEXT'],
    ['amount', 'INT'],
    ['ghost not in warehouse', 'text (yaml)'],
  ]);
  expect(await page.locator('.node-page .note').first().textContent()).toContain(
    'as the warehouse has them (sqlite',
  );
  // The compiled SQL, with refs rendered to relations.
  const compiled = await page.locator('pre.compiled-sql').textContent();
  expect(compiled).toContain('from "main"."stg_orders" o join "main"."stg_customers" c');
  expect(await page.locator('pre.compiled-sql').isVisible()).toBe(true);
  await page.locator('.tab[data-tab="source"]').click();
  expect(await page.locator('pre.raw-sql').textContent()).toContain("{{ ref('stg_orders') }}");
  // Its tests with their last status, and the last run's status of the model itself.
  expect(await page.locator('.tests-table tbody tr').count()).toBe(4);
  expect(await page.locator('.tests-table .status-ok').count()).toBe(4);
  expect(await page.locator('.node-page .meta .status').textContent()).toBe('SUCCESS');
  // Its lineage: the +orders+ neighbourhood, orders in focus.
  expect(await page.locator('.mini-graph .tb-node').count()).toBe(ORDERS_LINEAGE.length);
  expect(await page.locator('.mini-graph .tb-node.focus').getAttribute('data-id')).toBe('model.shop.orders');
}

/** The page scrolls inside <main>: a window as tall as its content shows all of it in one picture. */
async function fullScreenshot(page: Page, path: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = Number(await page.evaluate("document.getElementById('main').scrollHeight + 60"));
  await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

function scaleOf(transform: string | null): number {
  const m = /scale\(([\d.]+)\)/.exec(transform ?? '');
  if (!m) throw new Error(`no scale in ${transform}`);
  return Number(m[1]);
}

describe('tb docs generate', () => {
  it('writes a catalog with warehouse types, statuses and compiled SQL', () => {
    expect(catalog.metadata).toMatchObject({
      projectName: 'shop',
      warehouse: 'reachable',
      adapterType: 'sqlite',
    });
    expect(catalog.metadata.runResultsAt).not.toBeNull();
    const eph = catalog.nodes['model.shop.big_order_count'];
    expect(eph.compiledCode).toContain('with __tb__cte__big_orders as (');
    expect(eph.lastRun?.status).toBe('success');
  });

  it('works from file:// with no console errors', async () => {
    await checkSite(pathToFileURL(join(dir, 'target', 'docs', 'index.html')).href, 'file');
  });
});

describe('tb docs serve', () => {
  let server: ChildProcess | undefined;
  afterEach(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
  });

  it('serves the same site over http until SIGINT, then exits 0', async () => {
    server = spawn(process.execPath, [TB, 'docs', 'serve', '--port', '0'], { cwd: dir, env: ENV });
    const child = server;
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((done, fail) => {
      child.stdout?.on('data', () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) done(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`tb docs serve exited ${code}: ${out}`)));
    });
    await checkSite(url, 'http');
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped serving docs');
  });

  it('says to generate first when there are no docs', () => {
    const empty = writeProject({ 'project.yml': 'name: empty\n' });
    const r = tb(['docs', 'serve', '--port', '0'], empty);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no docs in');
    expect(r.err).toContain('hint: run: tb docs generate');
  });
});

describe('tb docs generate without a warehouse', () => {
  it('falls back to the YAML data_type and says so on the page', async () => {
    const offline = writeProject({
      ...DOCS_PROJECT,
      // Nothing listens on port 1: the connection is refused at once.
      'profiles.yml':
        'shop:\n  target: t\n  outputs:\n    t: {type: mysql, host: 127.0.0.1, port: 1, user: root, password: "", database: tbdocs_none}\n',
    });
    const r = tb(['docs', 'generate'], offline);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /The warehouse did not answer \(.*ECONNREFUSED.*\): column types come from the YAML/,
    );
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(
        `${pathToFileURL(join(offline, 'target', 'docs', 'index.html')).href}#/model/model.shop.orders`,
      );
      await page.locator('.node-page').waitFor();
      expect(await page.locator('.node-page .note').first().textContent()).toMatch(
        /^The warehouse was not reachable when these docs were generated \(.*ECONNREFUSED.*\): types are from the YAML data_type\.$/,
      );
      const amount = page.locator('.columns-table tbody tr', { hasText: 'amount' });
      expect(await amount.locator('.col-type').textContent()).toBe('integer (yaml)');
      expect(await page.locator('.node-page .meta .status').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('tb docs on a project of 1,200 models', () => {
  /** A chain-like DAG: model i reads two of the 40 models before it. */
  function bigProject(): string {
    const files: Record<string, string> = {
      'project.yml': 'name: big\nmodels:\n  big:\n    +materialized: view\n',
    };
    for (let i = 0; i < 1200; i++) {
      const refs =
        i < 10
          ? []
          : [i - 1 - (i % 40), i - 1 - ((i * 7) % 40)].filter((p, k, a) => p >= 0 && a.indexOf(p) === k);
      const sql = ['select 1 as id', ...refs.map((p) => `union all select id from {{ ref('m${p}') }}`)].join(
        ' ',
      );
      files[`models/f${Math.floor(i / 100)}/m${i}.sql`] = sql;
    }
    return writeProject(files);
  }

  it('draws a neighbourhood by default, and every node on request', async () => {
    const big = bigProject();
    const r = tb(['docs', 'generate', '--empty-catalog'], big);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote docs for 1200 nodes');
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    const base = pathToFileURL(join(big, 'target', 'docs', 'index.html')).href;
    try {
      // Too big to draw whole unasked: the graph page asks for a selection.
      await page.goto(`${base}#/graph`);
      expect(await page.locator('#graph-status').textContent()).toContain('This project has 1200 nodes');
      expect(await page.locator('#graph-area .tb-node').count()).toBe(0);
      // A node's page draws a bounded neighbourhood, and the graph page then starts from it.
      await page.goto(`${base}#/model/model.big.m600`);
      await page.locator('.mini-graph .tb-node.focus').waitFor();
      const shown = await page.locator('.mini-graph .tb-node').count();
      expect(shown).toBeGreaterThan(1);
      expect(shown).toBeLessThanOrEqual(150);
      await page.goto(`${base}#/graph`);
      await page.locator('#graph-count').waitFor();
      expect(Number(await page.locator('#graph-count').textContent())).toBe(shown);
      // "All" draws all 1,200 with the quick layout, each node placed.
      await page.click('button[data-act="all"]');
      await page.waitForFunction("document.querySelectorAll('#graph-area .tb-node').length === 1200");
      const placed = await page
        .locator('#graph-area .tb-node')
        .evaluateAll(
          (els) =>
            els.filter((e) => /^translate\([\d.]+,[\d.]+\)$/.test(e.getAttribute('transform') ?? '')).length,
        );
      expect(placed).toBe(1200);
      await page.screenshot({ path: join(SHOTS, 'big-graph-all.png') });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
