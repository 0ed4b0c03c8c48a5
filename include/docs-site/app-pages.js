/* tb docs: the pages. Each returns HTML built from escaped catalog text, plus an optional mount step. */
/* global window, TbLineage */
(function (TB) {
  'use strict';

  /** Graphs bigger than this are not drawn whole by default: a selection is asked for instead. */
  TB.BIG_GRAPH = 300;
  /** A neighbourhood drawn by default (a node's page, a big project's graph) shrinks to at most this. */
  TB.NEIGHBOURHOOD_MAX = 150;

  function columnsNote(node, meta) {
    const where = TB.esc(meta.adapterType + ', target ' + meta.targetName);
    switch (node.columnsOrigin) {
      case 'warehouse':
        return 'Columns and types as the warehouse has them (' + where + ').';
      case 'not-built':
        return (
          'Not found in the warehouse (' +
          where +
          '): not built yet? Types are from the YAML <code>data_type</code>.'
        );
      case 'unreachable':
        return (
          'The warehouse was not reachable when these docs were generated (' +
          TB.esc(meta.warehouseError || 'no answer') +
          '): types are from the YAML <code>data_type</code>.'
        );
      case 'skipped':
        return 'Generated with <code>--empty-catalog</code>: the warehouse was not asked; types are from the YAML <code>data_type</code>.';
      default:
        return (
          'No relation in the warehouse (' +
          TB.esc(node.materialized || node.resourceType) +
          '): columns as the YAML describes them.'
        );
    }
  }

  function testLink(id) {
    const t = TB.catalog.nodes[id];
    return t
      ? '<a href="' +
          TB.nodeHref(t) +
          '">' +
          TB.esc(t.test && t.test.testName ? t.test.testName : t.name) +
          '</a> ' +
          TB.statusBadge(t.lastRun)
      : '';
  }

  function columnsSection(node) {
    const rows = node.columns.map((c) => {
      const type = c.type
        ? TB.esc(c.type) +
          (c.typeSource === 'yaml' ? ' <span class="muted" title="from YAML data_type">(yaml)</span>' : '')
        : '<span class="muted">—</span>';
      const missing =
        c.inWarehouse === false
          ? ' <span class="status status-warn" title="described in YAML, absent from the warehouse">not in warehouse</span>'
          : '';
      return (
        '<tr><td class="col-name"><code>' +
        TB.esc(c.name) +
        '</code>' +
        missing +
        '</td><td class="col-type">' +
        type +
        '</td>' +
        '<td class="col-desc">' +
        TB.esc(c.description) +
        '</td><td class="col-tests">' +
        c.tests.map(testLink).join(' ') +
        '</td></tr>'
      );
    });
    const table = rows.length
      ? '<table class="columns-table"><thead><tr><th>Column</th><th>Type</th><th>Description</th><th>Tests</th></tr></thead><tbody>' +
        rows.join('') +
        '</tbody></table>'
      : '<p class="muted">No columns known.</p>';
    return (
      '<section><h2>Columns</h2><p class="note">' +
      columnsNote(node, TB.catalog.metadata) +
      '</p>' +
      table +
      '</section>'
    );
  }

  function testsSection(node) {
    if (node.tests.length === 0) return '';
    const rows = node.tests.map((id) => {
      const t = TB.catalog.nodes[id];
      const info = t.test || {};
      return (
        '<tr><td><a href="' +
        TB.nodeHref(t) +
        '">' +
        TB.esc(t.name) +
        '</a></td><td>' +
        TB.esc(info.testName || 'singular') +
        '</td>' +
        '<td>' +
        TB.esc(info.columnName || '') +
        '</td><td>' +
        TB.esc(info.severity || '') +
        '</td><td>' +
        (TB.statusBadge(t.lastRun) || '<span class="muted">not run</span>') +
        '</td></tr>'
      );
    });
    return (
      '<section><h2>Tests</h2><table class="tests-table"><thead><tr><th>Test</th><th>Kind</th><th>Column</th><th>Severity</th><th>Last run</th></tr></thead><tbody>' +
      rows.join('') +
      '</tbody></table></section>'
    );
  }

  function linkList(ids) {
    if (ids.length === 0) return '<span class="muted">none</span>';
    return ids
      .map((id) => TB.catalog.nodes[id])
      .filter(Boolean)
      .sort(TB.byLabel)
      .map(
        (n) =>
          '<a class="chip" href="' +
          TB.nodeHref(n) +
          '">' +
          TB.typeBadge(n.resourceType) +
          ' ' +
          TB.esc(n.label) +
          '</a>',
      )
      .join(' ');
  }

  function codeSection(node) {
    if (node.rawCode === null && node.compiledCode === null && !node.compileError) return '';
    const compiled = node.compileError
      ? '<pre class="code compile-error">' + TB.esc(node.compileError) + '</pre>'
      : '<pre class="code compiled-sql"><code>' + TB.esc(node.compiledCode || '') + '</code></pre>';
    return (
      '<section class="code-section"><h2>Code</h2><div class="tabs"><button type="button" class="tab active" data-tab="compiled">Compiled SQL</button>' +
      '<button type="button" class="tab" data-tab="source">Source</button></div>' +
      '<div class="tab-body" data-body="compiled">' +
      compiled +
      '</div>' +
      '<div class="tab-body" data-body="source" hidden><pre class="code raw-sql"><code>' +
      TB.esc(node.rawCode || '') +
      '</code></pre></div></section>'
    );
  }

  function detailsSection(node) {
    const rows = [];
    if (node.source) {
      rows.push(
        ['Source', node.source.sourceName],
        ['Source description', node.source.sourceDescription || '—'],
      );
      if (node.source.loadedAtField) rows.push(['loaded_at_field', node.source.loadedAtField]);
      if (node.source.freshness) rows.push(['Freshness', JSON.stringify(node.source.freshness)]);
    }
    if (node.test) {
      rows.push(['Test', node.test.testName || 'singular'], ['Severity', node.test.severity]);
      if (node.test.columnName) rows.push(['Column', node.test.columnName]);
      if (Object.keys(node.test.kwargs).length) rows.push(['Arguments', JSON.stringify(node.test.kwargs)]);
    }
    if (node.lastRun)
      rows.push([
        'Last run',
        node.lastRun.status +
          ' in ' +
          node.lastRun.executionTime.toFixed(2) +
          's, ' +
          node.lastRun.generatedAt +
          (node.lastRun.message ? ': ' + node.lastRun.message : ''),
      ]);
    if (rows.length === 0) return '';
    return (
      '<section><h2>Details</h2><dl class="details">' +
      rows.map(([k, v]) => '<dt>' + TB.esc(k) + '</dt><dd>' + TB.esc(v) + '</dd>').join('') +
      '</dl></section>'
    );
  }

  /** The selector that names just this node, for its lineage: `name`, unless the name is ambiguous. */
  TB.nodeSelector = (node) => {
    if (node.resourceType === 'source') return 'source:' + node.source.sourceName + '.' + node.name;
    const byName = TbLineage.select(TB.lineage, node.name);
    return byName.ids.size === 1 && byName.ids.has(node.uniqueId) ? node.name : 'path:' + node.filePath;
  };

  /** `+node+`, or `2+node+2`, `1+node+1`: the widest neighbourhood of at most `max` nodes (or the smallest). */
  TB.neighbourhood = (node, max) => {
    const base = TB.nodeSelector(node);
    let chosen = null;
    for (const depth of ['', '2', '1']) {
      const text = depth + '+' + base + '+' + depth;
      chosen = { text, ids: TbLineage.select(TB.lineage, text).ids };
      if (chosen.ids.size <= max) break;
    }
    return chosen;
  };

  TB.nodePage = (node) => {
    const meta = [TB.typeBadge(node.resourceType)];
    if (node.materialized && node.resourceType !== 'test')
      meta.push('<span>materialized: <b>' + TB.esc(node.materialized) + '</b></span>');
    if (node.relation) meta.push('<span>relation: <code>' + TB.esc(node.relation) + '</code></span>');
    meta.push('<span>file: <code>' + TB.esc(node.filePath) + '</code></span>');
    if (node.tags.length)
      meta.push(
        '<span>tags: ' +
          node.tags.map((t) => '<span class="tag">' + TB.esc(t) + '</span>').join(' ') +
          '</span>',
      );
    if (node.lastRun) meta.push('<span>last run: ' + TB.statusBadge(node.lastRun) + '</span>');
    const inGraph = TB.lineage.byId.has(node.uniqueId);
    const mini = inGraph ? TB.neighbourhood(node, TB.NEIGHBOURHOOD_MAX) : null;
    const lineage = inGraph
      ? '<div class="mini-graph" data-select="' +
        TB.esc(mini.text) +
        '"></div><p><a class="open-graph" href="' +
        TB.graphHref(mini.text) +
        '">Open <code>' +
        TB.esc(mini.text) +
        '</code> in the lineage graph</a></p>'
      : '';
    const html =
      '<article class="node-page" data-id="' +
      TB.esc(node.uniqueId) +
      '"><header><h1>' +
      TB.esc(node.label) +
      '</h1><div class="meta">' +
      meta.join('') +
      '</div></header>' +
      '<section><h2>Description</h2>' +
      TB.paragraphs(node.description) +
      '</section>' +
      detailsSection(node) +
      (node.resourceType === 'test' ? '' : columnsSection(node)) +
      testsSection(node) +
      '<section><h2>Lineage</h2>' +
      lineage +
      '<div class="deps"><div><h3>Depends on</h3>' +
      linkList(node.parents) +
      '</div><div><h3>Referenced by</h3>' +
      linkList(node.children) +
      '</div></div></section>' +
      codeSection(node) +
      '</article>';
    return { html, mount: (root) => mountNodePage(root, node, mini) };
  };

  function mountNodePage(root, node, mini) {
    for (const tab of root.querySelectorAll('.tab')) {
      tab.addEventListener('click', () => {
        for (const t of root.querySelectorAll('.tab')) t.classList.toggle('active', t === tab);
        for (const b of root.querySelectorAll('.tab-body'))
          b.hidden = b.getAttribute('data-body') !== tab.getAttribute('data-tab');
      });
    }
    const panel = root.querySelector('.mini-graph');
    if (panel && mini) TB.createGraph(panel, TB.openNode).draw(mini.ids, TB.catalog.nodes, node.uniqueId);
  }

  TB.overviewPage = () => {
    const meta = TB.catalog.metadata;
    const all = Object.values(TB.catalog.nodes);
    const counts = TB.TYPE_ORDER.map((t) => [t, all.filter((n) => n.resourceType === t).length]).filter(
      ([, n]) => n > 0,
    );
    const failed = all
      .filter((n) => n.lastRun && TB.statusClass(n.lastRun.status) === 'bad')
      .sort(TB.byLabel);
    const warehouse =
      meta.warehouse === 'reachable'
        ? 'Column types were read from the warehouse (' +
          TB.esc(meta.adapterType + ', target ' + meta.targetName) +
          ').'
        : meta.warehouse === 'unreachable'
          ? 'The warehouse was not reachable (' +
            TB.esc(meta.warehouseError) +
            '): column types are from the YAML <code>data_type</code>.'
          : 'The warehouse was not asked (<code>--empty-catalog</code>): column types are from the YAML <code>data_type</code>.';
    const runs = meta.runResultsAt
      ? 'Statuses are from the last run, ' + TB.esc(meta.runResultsAt) + '.'
      : 'No <code>run_results.json</code> yet: no statuses to show.';
    const html =
      '<article class="overview"><h1>' +
      TB.esc(meta.projectName) +
      '</h1><p class="muted">Generated ' +
      TB.esc(meta.generatedAt) +
      ' by tb ' +
      TB.esc(meta.tbVersion) +
      '.</p>' +
      '<p class="note">' +
      warehouse +
      '</p><p class="note">' +
      runs +
      '</p>' +
      '<ul class="counts">' +
      counts
        .map(
          ([t, n]) =>
            '<li>' +
            TB.typeBadge(t) +
            ' <b>' +
            n +
            '</b> ' +
            TB.esc(TB.TYPE_TITLES[t].toLowerCase()) +
            '</li>',
        )
        .join('') +
      '</ul>' +
      '<p><a href="' +
      TB.graphHref('') +
      '">Open the lineage graph</a></p>' +
      (failed.length
        ? '<section><h2>Failed in the last run</h2>' + linkList(failed.map((n) => n.uniqueId)) + '</section>'
        : '') +
      '</article>';
    return { html, mount: () => undefined };
  };
})((window.TB = window.TB || {}));
