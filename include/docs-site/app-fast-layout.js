/*
 * tb docs: a quick layered layout for graphs too big for dagre to lay out in a blink (its crossing
 * reduction grows fast with long edges). Longest-path layers, two barycentre sweeps, no bend points.
 * It returns the few parts of a dagre graph that app-graph.js reads, so either layout draws the same way.
 */
/* global window */
(function (TB) {
  'use strict';

  const NODE_SEP = 10;
  const RANK_SEP = 70;
  const MARGIN = 16;

  /** Each node's layer is its longest path from a root of the drawn subgraph (Kahn's order). */
  function layers(ids, parentsOf) {
    const rank = new Map();
    const pending = new Map();
    const childrenOf = new Map([...ids].map((id) => [id, []]));
    for (const id of ids) {
      const parents = parentsOf(id);
      pending.set(id, parents.length);
      for (const p of parents) childrenOf.get(p).push(id);
    }
    const queue = [...ids].filter((id) => pending.get(id) === 0);
    queue.forEach((id) => rank.set(id, 0));
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      for (const c of childrenOf.get(id)) {
        rank.set(c, Math.max(rank.get(c) || 0, rank.get(id) + 1));
        pending.set(c, pending.get(c) - 1);
        if (pending.get(c) === 0) queue.push(c);
      }
    }
    const out = [];
    for (const id of queue) (out[rank.get(id)] = out[rank.get(id)] || []).push(id);
    return { layers: out, childrenOf };
  }

  /** Orders each layer by the mean position of its neighbours in the layers already placed. */
  function sweep(layerList, neighboursOf) {
    const pos = new Map();
    layerList[0].forEach((id, i) => pos.set(id, i / Math.max(1, layerList[0].length)));
    for (let r = 1; r < layerList.length; r++) {
      const bary = new Map();
      for (const id of layerList[r]) {
        const placed = neighboursOf(id).filter((n) => pos.has(n));
        bary.set(id, placed.length ? placed.reduce((s, n) => s + pos.get(n), 0) / placed.length : 0.5);
      }
      layerList[r].sort((a, b) => bary.get(a) - bary.get(b));
      layerList[r].forEach((id, i) => pos.set(id, i / Math.max(1, layerList[r].length)));
    }
  }

  TB.fastLayout = function (ids, nodes, sizeOf, height) {
    const parentsOf = (id) => nodes[id].parents.filter((p) => ids.has(p));
    const { layers: ranked, childrenOf } = layers(ids, parentsOf);
    sweep(ranked, parentsOf);
    const reversed = ranked.slice().reverse();
    sweep(reversed, (id) => childrenOf.get(id));
    sweep(ranked, parentsOf);
    const boxes = new Map();
    const tallest = Math.max(...ranked.map((l) => l.length)) * (height + NODE_SEP);
    let x = MARGIN;
    for (const layer of ranked) {
      const width = Math.max(...layer.map((id) => sizeOf(id).width));
      const top = MARGIN + (tallest - layer.length * (height + NODE_SEP)) / 2;
      layer.forEach((id, i) => {
        boxes.set(id, { ...sizeOf(id), x: x + width / 2, y: top + i * (height + NODE_SEP) + height / 2 });
      });
      x += width + RANK_SEP;
    }
    const edges = [];
    for (const id of ids) for (const p of parentsOf(id)) edges.push({ v: p, w: id });
    const ends = (e) => {
      const a = boxes.get(e.v);
      const b = boxes.get(e.w);
      return {
        points: [
          { x: a.x + a.width / 2, y: a.y },
          { x: b.x - b.width / 2, y: b.y },
        ],
      };
    };
    return {
      graph: () => ({ width: x - RANK_SEP + MARGIN, height: tallest + 2 * MARGIN }),
      nodes: () => [...boxes.keys()],
      node: (id) => boxes.get(id),
      hasNode: (id) => boxes.has(id),
      edges: () => edges,
      edge: ends,
    };
  };
})((window.TB = window.TB || {}));
