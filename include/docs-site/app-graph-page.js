/* tb docs: the lineage graph page: a selection (`+orders+`, `tag:nightly`), an exclusion, find, zoom. */
/* global window, TbLineage */
(function (TB) {
  'use strict';

  const LEGEND = ['source', 'seed', 'model', 'snapshot', 'analysis'];

  /**
   * In a big project the whole graph is not drawn unless asked for: the last node opened, or a prompt.
   * `*` asks for everything, sources included (the fqn method alone would leave sources out).
   */
  function defaultSelection(route) {
    if (route.select || route.exclude) return route.select;
    if (TB.lineage.byId.size <= TB.BIG_GRAPH) return '';
    const last = TB.lastNode && TB.catalog.nodes[TB.lastNode];
    return last && TB.lineage.byId.has(last.uniqueId)
      ? TB.neighbourhood(last, TB.NEIGHBOURHOOD_MAX).text
      : null;
  }

  TB.graphPage = (route) => {
    const select = defaultSelection(route);
    const html =
      '<article class="graph-page"><form class="graph-controls" autocomplete="off">' +
      '<label>select <input id="graph-select" name="select" placeholder="+orders+  tag:nightly  path:models/gold" value="' +
      TB.esc(select === null ? '' : select) +
      '"></label>' +
      '<label>exclude <input id="graph-exclude" name="exclude" value="' +
      TB.esc(route.exclude) +
      '"></label>' +
      '<button type="submit">Show</button><button type="button" data-act="all">All</button>' +
      '<input id="graph-find" type="search" placeholder="Find in graph">' +
      '<span class="zoom"><button type="button" data-act="in" title="Zoom in">+</button><button type="button" data-act="out" title="Zoom out">−</button><button type="button" data-act="fit">Fit</button></span>' +
      '</form><div class="graph-status" id="graph-status"></div><div class="graph-area" id="graph-area"></div>' +
      '<div class="legend">' +
      LEGEND.map((t) => '<span class="legend-item type-' + t + '"><i></i>' + t + '</span>').join('') +
      '<span class="legend-item legend-bad"><i></i>failed last run</span></div></article>';
    return { html, mount: (root) => mountGraphPage(root, route, select) };
  };

  function mountGraphPage(root, route, select) {
    const status = root.querySelector('#graph-status');
    const graph = TB.createGraph(root.querySelector('#graph-area'), TB.openNode);
    const total = TB.lineage.byId.size;
    if (select === null) {
      status.innerHTML =
        'This project has <b>' +
        total +
        '</b> nodes on its graph: type a selection such as <code>+name+</code>, or open a node first. <b>All</b> draws every node.';
      graph.draw(new Set(), TB.catalog.nodes, null);
    } else {
      const chosen = TbLineage.select(TB.lineage, select.trim() === '*' ? '' : select, route.exclude);
      status.innerHTML = chosen.error
        ? '<span class="error">' + TB.esc(chosen.error) + '</span>'
        : 'Showing <b id="graph-count">' +
          chosen.ids.size +
          '</b> of ' +
          total +
          ' nodes' +
          (chosen.ids.size > TB.DAGRE_MAX ? ' (quick layout: pick fewer for a tidier one).' : '.');
      graph.draw(chosen.ids, TB.catalog.nodes, null);
    }
    const form = root.querySelector('.graph-controls');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      window.location.hash = TB.graphHref(form.select.value.trim(), form.exclude.value.trim());
    });
    form.addEventListener('click', (e) => {
      const act = e.target.getAttribute && e.target.getAttribute('data-act');
      if (act === 'all') window.location.hash = TB.graphHref('*', '');
      if (act === 'in') graph.zoomIn();
      if (act === 'out') graph.zoomOut();
      if (act === 'fit') graph.fit();
    });
    const find = root.querySelector('#graph-find');
    find.addEventListener('input', () => {
      const n = graph.find(find.value);
      find.classList.toggle('no-match', find.value.trim() !== '' && n === 0);
    });
  }
})((window.TB = window.TB || {}));
