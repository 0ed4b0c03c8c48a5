/*
 * tb docs: the lineage graph. dagre (bundled beside this file) lays the nodes out left to right; the page
 * draws them as one SVG string, and zooms and pans by one transform on a single <g>, so a graph of a
 * thousand nodes stays responsive.
 */
/* global window, document, dagre */
(function (TB) {
  'use strict';

  const NODE_HEIGHT = 30;
  const MAX_LABEL = 36;
  const CLICK_SLOP = 4;
  let graphCount = 0;

  function shortLabel(label) {
    return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL - 1) + '…' : label;
  }

  /** dagre lays out graphs up to this size; bigger ones get TB.fastLayout, which takes milliseconds. */
  TB.DAGRE_MAX = 400;

  function layout(ids, nodes) {
    const sizeOf = (id) => {
      const text = shortLabel(nodes[id].label);
      return {
        width: Math.max(64, text.length * 7.4 + 24),
        height: NODE_HEIGHT,
        text,
        label: nodes[id].label,
      };
    };
    if (ids.size > TB.DAGRE_MAX) return TB.fastLayout(ids, nodes, sizeOf, NODE_HEIGHT);
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 56, edgesep: 6, marginx: 16, marginy: 16 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const id of ids) g.setNode(id, sizeOf(id));
    for (const id of ids) {
      for (const parent of nodes[id].parents) if (ids.has(parent)) g.setEdge(parent, id);
    }
    dagre.layout(g);
    return g;
  }

  /**
   * Through dagre's bend points, rounded: a quadratic to each midpoint, so long edges keep their route.
   * Two points (the quick layout) make a horizontal S-curve.
   */
  function edgePath(points) {
    const f = (p) => p.x.toFixed(1) + ',' + p.y.toFixed(1);
    const last = points[points.length - 1];
    if (points.length === 2) {
      const mx = (points[0].x + last.x) / 2;
      return (
        'M' +
        f(points[0]) +
        'C' +
        f({ x: mx, y: points[0].y }) +
        ' ' +
        f({ x: mx, y: last.y }) +
        ' ' +
        f(last)
      );
    }
    let d = 'M' + f(points[0]);
    for (let i = 1; i < points.length - 1; i++) {
      const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
      d += 'Q' + f(points[i]) + ' ' + f(mid);
    }
    return d + 'L' + f(last);
  }

  function svgMarkup(g, nodes, focusId, markerId) {
    const parts = [
      '<defs><marker id="' +
        markerId +
        '" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>',
      '<g class="viewport"><g class="edges">',
    ];
    for (const e of g.edges()) {
      const points = g.edge(e).points;
      parts.push(
        '<path class="edge" data-from="' +
          TB.esc(e.v) +
          '" data-to="' +
          TB.esc(e.w) +
          '" d="' +
          edgePath(points) +
          '" marker-end="url(#' +
          markerId +
          ')"/>',
      );
    }
    parts.push('</g><g class="nodes">');
    for (const id of g.nodes()) {
      const box = g.node(id);
      const node = nodes[id];
      const status = node.lastRun ? ' status-' + TB.statusClass(node.lastRun.status) : '';
      const focus = id === focusId ? ' focus' : '';
      parts.push(
        '<g class="tb-node type-' +
          TB.esc(node.resourceType) +
          status +
          focus +
          '" data-id="' +
          TB.esc(id) +
          '" transform="translate(' +
          (box.x - box.width / 2).toFixed(1) +
          ',' +
          (box.y - NODE_HEIGHT / 2).toFixed(1) +
          ')">' +
          '<title>' +
          TB.esc(node.resourceType + ' ' + id) +
          '</title>' +
          '<rect width="' +
          box.width.toFixed(1) +
          '" height="' +
          NODE_HEIGHT +
          '" rx="6"/>' +
          '<text x="12" y="19">' +
          TB.esc(box.text) +
          '</text></g>',
      );
    }
    parts.push('</g></g>');
    return parts.join('');
  }

  /**
   * A graph panel inside `container`: draw(ids, nodes, focusId) lays out and shows the ids, a click on a
   * node calls onOpen(id), the wheel zooms around the pointer and a drag pans.
   */
  TB.createGraph = function (container, onOpen) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'tb-graph');
    container.appendChild(svg);
    const markerId = 'tb-arrow-' + ++graphCount;
    const view = { k: 1, x: 0, y: 0 };
    let laid = null;

    function apply() {
      const viewport = svg.querySelector('.viewport');
      if (viewport)
        viewport.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')');
    }

    function fit() {
      if (!laid) return;
      const { width, height } = laid.graph();
      const cw = svg.clientWidth || 800;
      const ch = svg.clientHeight || 400;
      view.k = Math.min(cw / Math.max(width, 1), ch / Math.max(height, 1), 1.2);
      view.x = (cw - width * view.k) / 2;
      view.y = (ch - height * view.k) / 2;
      apply();
    }

    function zoomAt(factor, px, py) {
      const k = Math.min(4, Math.max(0.03, view.k * factor));
      view.x = px - ((px - view.x) * k) / view.k;
      view.y = py - ((py - view.y) * k) / view.k;
      view.k = k;
      apply();
    }

    function centerOn(id) {
      if (!laid || !laid.hasNode(id)) return;
      const box = laid.node(id);
      view.k = Math.max(view.k, 1);
      view.x = (svg.clientWidth || 800) / 2 - box.x * view.k;
      view.y = (svg.clientHeight || 400) / 2 - box.y * view.k;
      apply();
    }

    svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = svg.getBoundingClientRect();
        zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
      },
      { passive: false },
    );

    let drag = null;
    svg.addEventListener('pointerdown', (e) => {
      const nodeEl = e.target.closest ? e.target.closest('.tb-node') : null;
      drag = {
        x: e.clientX,
        y: e.clientY,
        vx: view.x,
        vy: view.y,
        id: nodeEl ? nodeEl.getAttribute('data-id') : null,
        moved: false,
      };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > CLICK_SLOP) drag.moved = true;
      if (!drag.moved) return;
      view.x = drag.vx + dx;
      view.y = drag.vy + dy;
      svg.classList.add('panning');
      apply();
    });
    svg.addEventListener('pointerup', () => {
      const done = drag;
      drag = null;
      svg.classList.remove('panning');
      if (done && !done.moved && done.id) onOpen(done.id);
    });

    return {
      draw(ids, nodes, focusId) {
        laid = ids.size > 0 ? layout(ids, nodes) : null;
        svg.innerHTML = laid ? svgMarkup(laid, nodes, focusId, markerId) : '';
        container.setAttribute('data-node-count', String(ids.size));
        fit();
      },
      /** Marks the nodes whose label holds `text`, centres the first; returns how many matched. */
      find(text) {
        const want = text.trim().toLowerCase();
        let first = null;
        let count = 0;
        for (const el of svg.querySelectorAll('.tb-node')) {
          const id = el.getAttribute('data-id');
          const hit = want !== '' && laid.node(id).label.toLowerCase().includes(want);
          el.classList.toggle('match', hit);
          if (hit) {
            count++;
            first = first || id;
          }
        }
        if (first) centerOn(first);
        return count;
      },
      fit,
      zoomIn: () => zoomAt(1.25, (svg.clientWidth || 800) / 2, (svg.clientHeight || 400) / 2),
      zoomOut: () => zoomAt(0.8, (svg.clientWidth || 800) / 2, (svg.clientHeight || 400) / 2),
      view: () => ({ ...view }),
    };
  };
})((window.TB = window.TB || {}));
