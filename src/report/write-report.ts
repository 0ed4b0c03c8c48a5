import { dataScript, escapeHtml } from '../artifacts/data-script';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportData } from './report-types';

/** The page's own files, copied as they are, in the order index.html loads them. */
export const REPORT_FILES = [
  'report.css',
  'report-util.js',
  'report-charts.js',
  'report-map.js',
  'report.js',
] as const;

/** include/report, two levels up from both src/report and dist/report (tsc copies no .js or .css). */
export function reportAssetsDir(): string {
  return join(__dirname, '..', '..', 'include', 'report');
}

/**
 * chart.js's package root. Its `exports` hide package.json, so resolve the main entry (dist/chart.cjs) and
 * go up one folder; the self-contained UMD build (sets `window.Chart`) ships with the page: no CDN.
 */
function chartJsDir(): string {
  return join(dirname(require.resolve('chart.js')), '..');
}

/**
 * Writes the report into `outDir`: index.html, the scripts, chart.js and `report-data.js`, a script setting
 * `window.TB_REPORT`, because a page opened from file:// may not fetch() a JSON file. Returns the files.
 */
export function writeReport(outDir: string, data: ReportData): string[] {
  mkdirSync(outDir, { recursive: true });
  const assets = reportAssetsDir();
  const written: string[] = [];
  const put = (name: string, text: string): void => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };
  const html = readFileSync(join(assets, 'index.html'), 'utf8');
  put('index.html', html.replace('{{title}}', escapeHtml(`${data.title} — as of ${data.asOf}`)));
  put('report-data.js', reportScript(data));
  for (const name of REPORT_FILES) {
    copyFileSync(join(assets, name), join(outDir, name));
    written.push(name);
  }
  copyFileSync(join(chartJsDir(), 'dist', 'chart.umd.js'), join(outDir, 'chart.umd.js'));
  copyFileSync(join(chartJsDir(), 'LICENSE.md'), join(outDir, 'chart.LICENSE.md'));
  written.push('chart.umd.js', 'chart.LICENSE.md');
  return written;
}

/** `window.TB_REPORT = {...};` */
export function reportScript(data: ReportData): string {
  return dataScript('TB_REPORT', data);
}
