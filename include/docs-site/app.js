/*
 * tb docs: the shell. Reads window.TB_CATALOG (catalog.js), draws the sidebar once, and routes by the
 * URL's hash (#/model/<unique id>, #/graph?select=...), so every node has a page and file:// works.
 */
/* global window, document, CSS, TbLineage */
(function (TB) {
  'use strict';

  const MAX_RESULTS = 100;

  function folderOf(node) {
    if (node.resourceType === 'source') return node.source.sourceName;
    const parts = node.filePath.split('/');
    return parts.slice(1, -1).join('/');
  }

  function navItem(node) {
    const status = node.lastRun ? ' status-dot-' + TB.statusClass(node.lastRun.status) : '';
    return (
      '<li><a class="nav-item' +
      status +
      '" data-id="' +
      TB.esc(node.uniqueId) +
      '" href="' +
      TB.nodeHref(node) +
      '" title="' +
      TB.esc(node.uniqueId) +
      '">' +
      TB.esc(node.resourceType === 'source' ? node.name : node.label) +
      '</a></li>'
    );
  }

  /** Types, then folders (sources by source name); tests start folded, they are often the most. */
  function treeHtml(nodes) {
    const out = [];
    for (const type of TB.TYPE_ORDER) {
      const ofType = nodes.filter((n) => n.resourceType === type).sort(TB.byLabel);
      if (ofType.length === 0) continue;
      const folders = new Map();
      for (const n of ofType) {
        const f = folderOf(n);
        if (!folders.has(f)) folders.set(f, []);
        folders.get(f).push(n);
      }
      const inner = [...folders.keys()]
        .sort()
        .map((f) => {
          const items = folders.get(f).map(navItem).join('');
          return f
            ? '<details open><summary>' + TB.esc(f) + '</summary><ul>' + items + '</ul></details>'
            : '<ul>' + items + '</ul>';
        })
        .join('');
      out.push(
        '<details class="nav-group"' +
          (type === 'test' ? '' : ' open') +
          '><summary>' +
          TB.esc(TB.TYPE_TITLES[type]) +
          ' <span class="muted">' +
          ofType.length +
          '</span></summary>' +
          inner +
          '</details>',
      );
    }
    return out.join('');
  }

  /** Name matches first (exact, prefix, substring), then path, then description; ties by name. */
  function search(nodes, query) {
    const q = query.trim().toLowerCase();
    const scored = [];
    for (const n of nodes) {
      const label = n.label.toLowerCase();
      let score = -1;
      if (n.name.toLowerCase() === q || label === q) score = 0;
      else if (label.startsWith(q) || n.name.toLowerCase().startsWith(q)) score = 1;
      else if (label.includes(q)) score = 2;
      else if (n.filePath.toLowerCase().includes(q)) score = 3;
      else if (n.description.toLowerCase().includes(q)) score = 4;
      if (score >= 0) scored.push([score, n]);
    }
    scored.sort((a, b) => a[0] - b[0] || TB.byLabel(a[1], b[1]));
    return scored.map((s) => s[1]);
  }

  function resultsHtml(found) {
    if (found.length === 0) return '<p class="muted pad">No node matches.</p>';
    const shown = found
      .slice(0, MAX_RESULTS)
      .map(
        (n) =>
          '<li><a class="search-result" data-id="' +
          TB.esc(n.uniqueId) +
          '" href="' +
          TB.nodeHref(n) +
          '">' +
          TB.typeBadge(n.resourceType) +
          ' ' +
          TB.esc(n.label) +
          '<small>' +
          TB.esc(n.filePath) +
          '</small></a></li>',
      );
    const more =
      found.length > MAX_RESULTS
        ? '<p class="muted pad">and ' + (found.length - MAX_RESULTS) + ' more: type more letters.</p>'
        : '';
    return (
      '<p class="muted pad">' +
      found.length +
      ' found</p><ul class="results">' +
      shown.join('') +
      '</ul>' +
      more
    );
  }

  TB.openNode = (id) => {
    const node = TB.catalog.nodes[id];
    if (node) window.location.hash = TB.nodeHref(node);
  };

  function render() {
    const route = TB.parseRoute(window.location.hash);
    const main = document.getElementById('main');
    let page;
    if (route.page === 'graph') page = TB.graphPage(route);
    else if (route.page === 'node' && TB.catalog.nodes[route.id]) {
      TB.lastNode = route.id;
      page = TB.nodePage(TB.catalog.nodes[route.id]);
    } else if (route.page === 'node')
      page = {
        html: '<p class="error">No node ' + TB.esc(route.id) + ' in these docs.</p>',
        mount: () => undefined,
      };
    else page = TB.overviewPage();
    main.innerHTML = page.html;
    main.scrollTop = 0;
    page.mount(main);
    for (const a of document.querySelectorAll('#nav .nav-item.active')) a.classList.remove('active');
    if (route.page === 'node') {
      const current = document.querySelector('#nav .nav-item[data-id="' + CSS.escape(route.id) + '"]');
      if (current) current.classList.add('active');
    }
    document.title =
      (route.page === 'node' && TB.catalog.nodes[route.id] ? TB.catalog.nodes[route.id].label + ' · ' : '') +
      TB.catalog.metadata.projectName +
      ' docs';
  }

  function start() {
    TB.catalog = window.TB_CATALOG;
    if (!TB.catalog) {
      document.getElementById('main').innerHTML =
        '<p class="error">catalog.js did not load: run <code>tb docs generate</code> again.</p>';
      return;
    }
    TB.lineage = TbLineage.buildGraph(TB.catalog.nodes);
    const nodes = Object.values(TB.catalog.nodes);
    document.getElementById('project-name').textContent = TB.catalog.metadata.projectName;
    const nav = document.getElementById('nav');
    const tree = treeHtml(nodes);
    nav.innerHTML = tree;
    const input = document.getElementById('search');
    let found = [];
    input.addEventListener('input', () => {
      const q = input.value;
      found = q.trim() ? search(nodes, q) : [];
      nav.innerHTML = q.trim() ? resultsHtml(found) : tree;
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && found.length > 0) TB.openNode(found[0].uniqueId);
      if (e.key === 'Escape') {
        input.value = '';
        nav.innerHTML = tree;
      }
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === '/' && document.activeElement.tagName !== 'INPUT') {
        e.preventDefault();
        input.focus();
      }
    });
    window.addEventListener('hashchange', render);
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})((window.TB = window.TB || {}));
