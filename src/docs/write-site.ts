import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataScript, escapeHtml } from '../artifacts/data-script';
import type { DocsCatalog } from './catalog-types';

/** The page's own files, copied as they are, in the order index.html loads them. */
export const APP_FILES = [
  'app.css',
  'lineage-select.js',
  'app-util.js',
  'app-fast-layout.js',
  'app-graph.js',
  'app-pages.js',
  'app-graph-page.js',
  'app.js',
] as const;

/**
 * The page's source files live beside the builtin macros in include/ (tsc copies no .js or .css into
 * dist/), two levels up from both src/docs and dist/docs, so the package and the container ship them.
 */
export function assetsDir(): string {
  return join(__dirname, '..', '..', 'include', 'docs-site');
}

/** dagre's self-contained browser build (it sets `window.dagre`), shipped with the site: no CDN. */
function dagreDir(): string {
  return join(dirname(require.resolve('@dagrejs/dagre/package.json')), 'dist');
}

/**
 * Writes the static site into `outDir`: index.html, the app, dagre and `catalog.js`. The catalog is a
 * script setting `window.TB_CATALOG`, because a page opened from file:// may not fetch() a JSON file.
 * Returns the files written.
 */
export function writeSite(outDir: string, catalog: DocsCatalog): string[] {
  mkdirSync(outDir, { recursive: true });
  const assets = assetsDir();
  const written: string[] = [];
  const put = (name: string, text: string): void => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };
  const title = `${catalog.metadata.projectName} docs`;
  put('index.html', readFileSync(join(assets, 'index.html'), 'utf8').replace('{{title}}', escapeHtml(title)));
  put('catalog.js', catalogScript(catalog));
  for (const name of APP_FILES) {
    copyFileSync(join(assets, name), join(outDir, name));
    written.push(name);
  }
  copyFileSync(join(dagreDir(), 'dagre.min.js'), join(outDir, 'dagre.min.js'));
  copyFileSync(join(dagreDir(), '..', 'LICENSE'), join(outDir, 'dagre.LICENSE.txt'));
  written.push('dagre.min.js', 'dagre.LICENSE.txt');
  return written;
}

/** `window.TB_CATALOG = {...};` */
export function catalogScript(catalog: DocsCatalog): string {
  return dataScript('TB_CATALOG', catalog);
}

export { escapeHtml };
