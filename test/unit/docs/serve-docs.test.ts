import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocsServer, resolveFile } from '../../../src/docs/serve-docs';
import { catalogScript, escapeHtml } from '../../../src/docs/write-site';
import type { DocsCatalog } from '../../../src/docs/catalog-types';

describe('resolveFile', () => {
  const root = '/srv/docs';

  it('maps / to index.html and keeps files inside the folder', () => {
    expect(resolveFile(root, '/')).toBe('/srv/docs/index.html');
    expect(resolveFile(root, '/app.js?v=1')).toBe('/srv/docs/app.js');
    expect(resolveFile(root, '/sub/')).toBe('/srv/docs/sub/index.html');
  });

  it('never leaves the folder, however a climb is spelled', () => {
    // The URL parser folds plain and %2e dot segments at the root: these stay inside.
    expect(resolveFile(root, '/../secret')).toBe('/srv/docs/secret');
    expect(resolveFile(root, '/a/%2E%2E/%2e%2e/secret')).toBe('/srv/docs/secret');
    // An encoded slash survives the parser as `..` after decoding: refused.
    expect(resolveFile(root, '/..%2fsecret')).toBeUndefined();
    expect(resolveFile(root, '/a/..%2f..%2f..%2fetc/passwd')).toBeUndefined();
    expect(resolveFile(root, '/x%00.js')).toBeUndefined();
    expect(resolveFile(root, '/%E0%A4%A')).toBeUndefined();
  });
});

describe('createDocsServer', () => {
  it('serves the folder with content types and answers 404 outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-docs-serve-'));
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><p>hi</p>');
    writeFileSync(join(dir, 'site', 'catalog.js'), 'window.TB_CATALOG = {};');
    writeFileSync(join(dir, 'outside.txt'), 'secret');
    const server = createDocsServer(join(dir, 'site'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await index.text()).toContain('<p>hi</p>');
      const js = await fetch(`${base}/catalog.js`);
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await fetch(`${base}/%2e%2e/outside.txt`)).status).toBe(404);
      expect((await fetch(`${base}/missing.js`)).status).toBe(404);
      expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});

describe('catalogScript', () => {
  it('is a script that sets window.TB_CATALOG, and no text in it can close a <script> element', () => {
    const catalog = { metadata: { projectName: '</script><script>alert(1)</script>' }, nodes: {} };
    const text = catalogScript(catalog as unknown as DocsCatalog);
    expect(text).not.toContain('</script>');
    const window: { TB_CATALOG?: DocsCatalog } = {};
    new Function('window', text)(window);
    expect(window.TB_CATALOG?.metadata.projectName).toBe('</script><script>alert(1)</script>');
  });

  it('escapes the page title', () => {
    expect(escapeHtml(`a<b>&"'`)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
  });
});
