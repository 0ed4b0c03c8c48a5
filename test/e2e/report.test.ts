import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { ReportData } from '../../src/report/report-types';
import { collectErrors, launchBrowser, type TestBrowser } from '../helpers/browser';
import { runTbSync } from '../helpers/spawn-tb';

const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, 'target', 'test-screenshots');
/** The project's own profiles.yml and its local (SQLite) target, whatever the calling shell sets. */
const ENV: NodeJS.ProcessEnv = { TB_TARGET: undefined, TB_TARGET_PATH: undefined };
const D = '2026-02-05';

const tb = (args: string[], cwd: string) => runTbSync(args, cwd, ENV);

function ok(args: string[], cwd: string): string {
  const r = tb(args, cwd);
  if (r.code !== 0) throw new Error(`tb ${args.join(' ')} exited ${r.code}\n${r.out}\n${r.err}`);
  return r.out;
}

function readData(dir: string): ReportData {
  const window: { TB_REPORT?: ReportData } = {};
  new Function('window', readFileSync(join(dir, 'target', 'report', 'report-data.js'), 'utf8'))(window);
  if (!window.TB_REPORT) throw new Error('report-data.js set no TB_REPORT');
  return window.TB_REPORT;
}

/** The sum of every dataset of the chart drawn on each canvas of a section (-1: no chart on a canvas). */
async function chartSums(page: Page, section: string): Promise<number[]> {
  return page.evaluate(
    `[...document.querySelectorAll('#${section} canvas')].map((c) => {
      const chart = window.Chart.getChart(c);
      if (!chart) return -1;
      return chart.data.datasets.reduce((s, d) => s + d.data.reduce((a, b) => a + b, 0), 0);
    })`,
  ) as Promise<number[]>;
}

async function chartOf(page: Page, slot: string): Promise<{ labels: string[]; data: number[][] }> {
  return page.evaluate(
    `(() => {
      const chart = window.Chart.getChart(document.querySelector('[data-slot="${slot}"] canvas'));
      return { labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data) };
    })()`,
  ) as Promise<{ labels: string[]; data: number[][] }>;
}

/** Clicks a card's Export CSV and returns the downloaded file's text. */
async function exportCsv(page: Page, slot: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-slot="${slot}"] button.export`),
  ]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

let dir: string;
let browser: TestBrowser;
let data: ReportData;
let url: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The real project on a small generated dump, in a temp copy (the embedded SQLite default target).
  dir = mkdtempSync(join(tmpdir(), 'tb-report-'));
  for (const name of ['project.yml', 'profiles.yml', 'models', 'seeds', 'macros', 'tests']) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  ok(['generate', '--scale', '0.05', '--out', join(dir, 'd')], dir);
  ok(['load', join(dir, 'd', `gghouse_${D.replace(/-/g, '')}.sql`)], dir);
  ok(['seed'], dir);
  ok(['run', '--vars', `{as_of: ${D}}`], dir);
  const out = ok(['report'], dir);
  expect(out).toContain(`Wrote the report as of ${D} to ${join(dir, 'target', 'report')}`);
  data = readData(dir);
  url = pathToFileURL(join(dir, 'target', 'report', 'index.html')).href;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('tb report data', () => {
  it('takes D from the newest activity date and matches gold', () => {
    expect(data.asOf).toBe(D);
    const gold = new Database(join(dir, '.tb', 'warehouse', 'gold.db'), { readonly: true });
    try {
      const sum = gold
        .prepare(
          `select tenant_type, sum(contracts_signed) as c, sum(inquiries) as i from daily_activity_summary
           where activity_date > date(?, '-30 days') and activity_date <= ? group by tenant_type`,
        )
        .all(D, D) as { tenant_type: string; c: number; i: number }[];
      const win = data.executive[0];
      for (const r of sum) {
        expect(win.totals.contracts_signed[r.tenant_type]).toBe(r.c);
        expect(win.totals.inquiries[r.tenant_type]).toBe(r.i);
      }
      const { n } = gold.prepare('select count(*) as n from new_contracts').get() as { n: number };
      const ages = data.newContracts.find((c) => c.id === 'nc-age')!;
      expect(ages.datasets[0].data.reduce((a, b) => a + b, 0)).toBe(n);
      const noGeo = gold
        .prepare(
          `select count(distinct apartment_id) as n from new_contracts
           where latitude is null or longitude is null or latitude = 0 or longitude = 0`,
        )
        .get() as { n: number };
      expect(data.map.notOnMap).toHaveLength(noGeo.n);
    } finally {
      gold.close();
    }
    // The small dump still has houses with and without coordinates: both paths of the map are exercised.
    expect(data.map.points.length).toBeGreaterThan(0);
    expect(data.map.notOnMap.length).toBeGreaterThan(0);
  });
});

describe('tb report page from file://', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    page = await browser.context.newPage();
    errors = collectErrors(page);
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  it('draws every dashboard with non-empty charts and no console errors', async () => {
    await page.screenshot({ path: join(SHOTS, 'report-full.png'), fullPage: true });
    const expected: Record<string, number> = { executive: 2, 'new-contracts': 5, moveouts: 3 };
    for (const [section, count] of Object.entries(expected)) {
      const sums = await chartSums(page, section);
      expect(sums).toHaveLength(count);
      for (const s of sums) expect(s).toBeGreaterThan(0);
    }
    expect(await page.locator('#executive .kpi').count()).toBe(5);
    expect(errors).toEqual([]);
  });

  it('places apartments on the map in Web Mercator, with ward names and the count left off', async () => {
    const dots = page.locator('#map circle.apartment');
    expect(await dots.count()).toBe(data.map.points.length);
    const placed = await dots.evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-apartment-id'),
        x: Number(e.getAttribute('cx')),
        y: Number(e.getAttribute('cy')),
        r: Number(e.getAttribute('r')),
      })),
    );
    const byId = new Map(data.map.points.map((p) => [p.apartmentId, p]));
    // North is up and east is right: screen order follows latitude and longitude order.
    for (const a of placed) {
      for (const b of placed) {
        const pa = byId.get(a.id!)!;
        const pb = byId.get(b.id!)!;
        if (pa.lng < pb.lng - 1e-4) expect(a.x).toBeLessThan(b.x);
        if (pa.lat < pb.lat - 1e-4) expect(a.y).toBeGreaterThan(b.y);
        if (pa.contracts > pb.contracts) expect(a.r).toBeGreaterThan(b.r);
      }
    }
    expect(await page.locator('#map text.ward').count()).toBe(data.map.wards.length);
    expect(await page.locator('#map text.ward', { hasText: 'Shinjuku' }).count()).toBe(1);
    expect(await page.locator('#map .not-on-map').textContent()).toBe(
      `not on the map: ${data.map.notOnMap.length}`,
    );
    await page.locator('[data-slot="map"]').screenshot({ path: join(SHOTS, 'report-map.png') });
  });

  it('switches the executive summary between 30, 90 and 365 days', async () => {
    const d30 = await chartOf(page, 'activity-daily');
    expect(d30.labels).toHaveLength(30);
    expect(d30.labels[29]).toBe(D);
    const kpi30 = await page.locator('.kpi[data-metric="inquiries"] .kpi-value').textContent();
    await page.click('.window-switch button[data-days="365"]');
    const d365 = await chartOf(page, 'activity-daily');
    expect(d365.labels).toHaveLength(365);
    expect(d365.labels[364]).toBe(D);
    expect(d365.data[0].slice(-30)).toEqual(d30.data[0]);
    const totals365 = await chartOf(page, 'activity-totals');
    const expected365 = data.executive.find((w) => w.days === 365)!.charts[0].datasets.map((d) => d.data);
    expect(totals365.data).toEqual(expected365);
    expect(await page.locator('.kpi[data-metric="inquiries"] .kpi-value').textContent()).not.toBe(kpi30);
    expect(await page.locator('.window-switch button[data-days="365"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.locator('#executive canvas').count()).toBe(2);
    await page.click('.window-switch button[data-days="90"]');
    expect((await chartOf(page, 'activity-daily')).labels).toHaveLength(90);
    await page.locator('#executive').screenshot({ path: join(SHOTS, 'report-executive-90.png') });
    expect(errors).toEqual([]);
  });

  it("exports a chart's rows as CSV", async () => {
    const csv = await exportCsv(page, 'nc-nationality');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    const spec = data.newContracts.find((c) => c.id === 'nc-nationality')!;
    expect(lines[0]).toBe('nationality,contracts');
    expect(lines.slice(1, -1)).toEqual(spec.labels.map((l, i) => `${l},${spec.datasets[0].data[i]}`));
    expect(lines[lines.length - 1]).toBe('');

    // The window shown is the window exported: 90 days (after the switch above), every series.
    const daily = (await exportCsv(page, 'activity-daily')).slice(1).split('\r\n');
    expect(daily).toHaveLength(1 + 90 + 1);
    expect(daily[0].split(',')).toHaveLength(1 + 10);
    expect(daily[90].startsWith(`${D},`)).toBe(true);

    // The map's CSV carries Japanese apartment names, and every apartment, placed or not.
    const map = (await exportCsv(page, 'map')).slice(1).split('\r\n');
    expect(map[0]).toBe(
      'apartment_id,apartment_name,municipality,latitude,longitude,contracts,moveouts,moveout_rate',
    );
    expect(map).toHaveLength(1 + data.map.points.length + data.map.notOnMap.length + 1);
    expect(map.slice(1).some((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('tb report with --vars', () => {
  it('reports as of the given D', () => {
    ok(['report', '--vars', '{as_of: 2026-01-31}'], dir);
    const earlier = readData(dir);
    expect(earlier.asOf).toBe('2026-01-31');
    expect(earlier.executive[0].to).toBe('2026-01-31');
    expect(earlier.executive[0].charts[1].labels.at(-1)).toBe('2026-01-31');
  });

  it('says to build gold when there is none', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tb-report-empty-'));
    for (const name of ['project.yml', 'profiles.yml', 'models', 'seeds', 'macros', 'tests']) {
      cpSync(join(ROOT, name), join(empty, name), { recursive: true });
    }
    const r = tb(['report'], empty);
    expect(r.code).toBe(1);
    expect(r.err).toContain('reading gold failed');
    expect(r.err).toContain('hint: build the gold tables first');
  });
});
