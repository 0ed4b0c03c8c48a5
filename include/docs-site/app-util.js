/* tb docs: helpers every part of the page shares. Every text from the catalog goes through esc(). */
/* global window, URLSearchParams */
(function (TB) {
  'use strict';

  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  /** Descriptions and SQL may hold HTML-like text: shown as text, never as markup. */
  TB.esc = (value) =>
    String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, (c) => ENTITIES[c]);

  TB.TYPE_ORDER = ['model', 'source', 'seed', 'snapshot', 'analysis', 'test'];
  TB.TYPE_TITLES = {
    model: 'Models',
    source: 'Sources',
    seed: 'Seeds',
    snapshot: 'Snapshots',
    analysis: 'Analyses',
    test: 'Tests',
  };

  TB.nodeHref = (node) => '#/' + node.resourceType + '/' + encodeURIComponent(node.uniqueId);
  TB.graphHref = (select, exclude) => {
    const q = new URLSearchParams();
    if (select) q.set('select', select);
    if (exclude) q.set('exclude', exclude);
    const text = q.toString();
    return '#/graph' + (text ? '?' + text : '');
  };

  /** `#/model/model.p.a` → { page: 'node', id }; `#/graph?select=+a+` → { page: 'graph', select, exclude }. */
  TB.parseRoute = (hash) => {
    const text = (hash || '').replace(/^#\/?/, '');
    const [path, query] = text.split('?');
    const parts = path.split('/');
    if (parts[0] === 'graph') {
      const q = new URLSearchParams(query || '');
      return { page: 'graph', select: q.get('select') || '', exclude: q.get('exclude') || '' };
    }
    if (parts.length >= 2 && parts[1]) {
      return { page: 'node', id: decodeURIComponent(parts.slice(1).join('/')) };
    }
    return { page: 'overview' };
  };

  const STATUS_CLASS = {
    success: 'ok',
    pass: 'ok',
    warn: 'warn',
    error: 'bad',
    fail: 'bad',
    'runtime error': 'bad',
    skipped: 'skip',
  };

  TB.statusClass = (status) => STATUS_CLASS[status] || 'skip';

  TB.statusBadge = (run) => {
    if (!run) return '';
    const failures = run.failures ? ' ' + run.failures : '';
    return (
      '<span class="status status-' +
      TB.statusClass(run.status) +
      '" title="' +
      TB.esc(run.message) +
      '">' +
      TB.esc(run.status.toUpperCase() + failures) +
      '</span>'
    );
  };

  TB.typeBadge = (type) => '<span class="badge type-' + TB.esc(type) + '">' + TB.esc(type) + '</span>';

  /** Plain paragraphs: a description is text, split on blank lines; its line breaks are kept by CSS. */
  TB.paragraphs = (text) => {
    if (!text || !text.trim()) return '<p class="muted">No description.</p>';
    return text
      .trim()
      .split(/\n\s*\n/)
      .map((p) => '<p class="description">' + TB.esc(p) + '</p>')
      .join('');
  };

  TB.byLabel = (a, b) => a.label.localeCompare(b.label);
})((window.TB = window.TB || {}));
