import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportData } from '../../../src/report/report-types';
import { reportScript, writeReport } from '../../../src/report/write-report';

const DATA: ReportData = {
  title: 'tokyo <beta> report',
  asOf: '2026-02-05',
  generatedAt: '2026-02-05T00:00:00.000Z',
  target: 'local (sqlite)',
  executive: [],
  newContracts: [],
  moveouts: [],
  map: {
    points: [],
    notOnMap: [
      { apartmentId: '9', name: '</script><script>window.PWNED=1</script>\u2028ハウス', contracts: 1 },
    ],
    wards: [],
  },
};

describe('writeReport', () => {
  it('writes a data script no gold text can break out of, and round-trips the data', () => {
    const text = reportScript(DATA);
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('\u2028');
    const window: { TB_REPORT?: ReportData } = {};
    new Function('window', text)(window);
    expect(window.TB_REPORT).toEqual(DATA);
  });

  it('writes the page, its scripts and the bundled chart.js, with the title escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-report-'));
    const written = writeReport(dir, DATA);
    expect(readdirSync(dir).sort()).toEqual([...written].sort());
    expect(written).toEqual(
      expect.arrayContaining(['index.html', 'report-data.js', 'chart.umd.js', 'report.js']),
    );
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<title>tokyo &#60;beta&#62; report — as of 2026-02-05</title>');
    // every script the page loads is written beside it: nothing comes from the network
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.every((s) => written.includes(s))).toBe(true);
    expect(readFileSync(join(dir, 'chart.umd.js'), 'utf8')).toMatch(/Chart\.js v4/);
  });
});
