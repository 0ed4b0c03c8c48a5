/*
 * tb docs: the lineage graph's selection, run in the browser. The same grammar as `tb ls -s`:
 * union by space, intersection by comma, `+m`, `n+m`, `m+`, `m+n`, `@m`, and the methods tag:, path:,
 * file:, fqn:, source:, resource_type:, package: (a bare value is a path, a file or an fqn, as dbt does).
 * Tests are not on the graph, so walks never enter them (as `selectNodes` keeps them out of walks too).
 * Plain ES2017 with no dependencies: loaded by a <script> tag from file://, and by jest through module.exports.
 */
/* global window */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.TbLineage = api;
})(typeof window !== 'undefined' ? window : this, function () {
  'use strict';

  /** dbt's RAW_SELECTOR_PATTERN, as src/graph/selector-parser.ts has it. */
  const TERM = /^(@)?((\d*)\+)?(?:([\w.]+):)?(.*?)(\+(\d*))?$/s;
  const METHODS = ['fqn', 'tag', 'path', 'file', 'source', 'resource_type', 'package'];

  /** The graph the page draws: every node of the catalog but tests, with edges between those only. */
  function buildGraph(catalogNodes) {
    const byId = new Map();
    for (const id of Object.keys(catalogNodes)) {
      const node = catalogNodes[id];
      if (node.resourceType !== 'test') byId.set(id, node);
    }
    const parents = new Map();
    const children = new Map();
    for (const [id, node] of byId) {
      parents.set(
        id,
        node.parents.filter((p) => byId.has(p)),
      );
      children.set(
        id,
        node.children.filter((c) => byId.has(c)),
      );
    }
    return { byId, parents, children };
  }

  const hasWildcard = (text) => /[*?[]/.test(text);

  function globToRegExp(glob) {
    const body = glob
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp('^' + body.replace(/\[!/g, '[^') + '$');
  }

  function fnmatch(value, pattern) {
    if (!hasWildcard(pattern)) return value === pattern;
    return globToRegExp(pattern).test(value);
  }

  /**
   * `fqn:` as src/graph/fqn-method.ts has it: the name, or a prefix of the fqn with or without the
   * project in front; a wildcard part matches the rest of the dotted fqn. Sources need `source:`.
   */
  function fqnMatches(node, value) {
    if (node.resourceType === 'source') return false;
    if (!value.includes('.') && hasWildcard(value) && fnmatch(node.name, value)) return true;
    return isSelectedFqn(node.fqn, value) || isSelectedFqn(node.fqn.slice(1), value);
  }

  function isSelectedFqn(fqn, value) {
    if (fqn.length > 0 && fqn[fqn.length - 1] === value) return true;
    const flat = fqn.flatMap((part) => part.split('.'));
    const parts = value.split('.');
    if (flat.length < parts.length) return false;
    for (let i = 0; i < parts.length; i++) {
      if (hasWildcard(parts[i])) return fnmatch(flat.slice(i).join('.'), parts.slice(i).join('.'));
      if (flat[i] !== parts[i]) return false;
    }
    return true;
  }

  function pathMatches(filePath, value) {
    const want = value.replace(/^\.\//, '').replace(/\/+$/, '');
    if (hasWildcard(want)) return fnmatch(filePath, want) || fnmatch(filePath, want + '/*');
    return filePath === want || filePath.startsWith(want + '/');
  }

  function methodMatcher(method, value) {
    switch (method) {
      case 'fqn':
        return (n) => fqnMatches(n, value);
      case 'tag':
        return (n) => n.tags.some((t) => fnmatch(t, value));
      case 'path':
        return (n) => pathMatches(n.filePath, value);
      case 'file':
        return (n) => fnmatch(n.filePath.split('/').pop(), value) || fnmatch(n.filePath, value);
      case 'resource_type':
        return (n) => n.resourceType === value;
      case 'package':
        return (n) => fnmatch(n.packageName, value);
      case 'source':
        return (n) => {
          if (n.resourceType !== 'source' || !n.source) return false;
          const [src, table] = value.split('.');
          return fnmatch(n.source.sourceName, src) && (table === undefined || fnmatch(n.name, table));
        };
      default:
        return null;
    }
  }

  /** The default method of a bare value, as dbt picks it. */
  function defaultMethod(value) {
    if (value.includes('/')) return 'path';
    if (/\.(sql|py|csv)$/i.test(value)) return 'file';
    return 'fqn';
  }

  function parseTerm(raw) {
    const m = TERM.exec(raw);
    if (!m) throw new Error('not a selector: ' + raw);
    const [, at, parents, parentsDepth, method, value, children, childrenDepth] = m;
    if (value === '') throw new Error('selector "' + raw + '" has no value');
    const name = method || defaultMethod(value);
    if (!METHODS.includes(name)) {
      throw new Error('unknown selector method "' + name + ':" (one of ' + METHODS.join(', ') + ')');
    }
    if (at && (parents || children)) throw new Error('"@" cannot be combined with "+" in ' + raw);
    return {
      raw,
      method: name,
      value,
      childrensParents: Boolean(at),
      parents: Boolean(parents),
      parentsDepth: parentsDepth ? Number(parentsDepth) : Infinity,
      children: Boolean(children),
      childrenDepth: childrenDepth ? Number(childrenDepth) : Infinity,
    };
  }

  /** Breadth-first walk from `start` along `edges`, up to `depth` steps; the start nodes are left out. */
  function walk(edges, start, depth) {
    const seen = new Set();
    let frontier = [...start];
    for (let step = 0; step < depth && frontier.length > 0; step++) {
      const next = [];
      for (const id of frontier) {
        for (const other of edges.get(id) || []) {
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    for (const id of start) seen.delete(id);
    return seen;
  }

  function selectTerm(graph, term) {
    const matches = methodMatcher(term.method, term.value);
    const matched = new Set();
    for (const [id, node] of graph.byId) if (matches(node)) matched.add(id);
    const out = new Set(matched);
    const add = (ids) => ids.forEach((id) => out.add(id));
    if (term.childrensParents) {
      const withChildren = new Set([...matched, ...walk(graph.children, matched, Infinity)]);
      add(withChildren);
      add(walk(graph.parents, withChildren, Infinity));
    }
    if (term.parents) add(walk(graph.parents, matched, term.parentsDepth));
    if (term.children) add(walk(graph.children, matched, term.childrenDepth));
    return out;
  }

  /** Union over space-separated words of the intersection of their comma-separated terms. */
  function selectUnion(graph, text) {
    const out = new Set();
    for (const word of text.trim().split(/\s+/).filter(Boolean)) {
      let acc = null;
      for (const raw of word.split(',')) {
        if (raw === '') throw new Error('empty term around "," in ' + word);
        const ids = selectTerm(graph, parseTerm(raw));
        acc = acc === null ? ids : new Set([...acc].filter((id) => ids.has(id)));
      }
      acc.forEach((id) => out.add(id));
    }
    return out;
  }

  /**
   * The ids a selection shows: `select` (everything when blank) minus `exclude`. A bad selector is
   * returned as `error` with nothing selected, so the page can say what is wrong instead of throwing.
   */
  function select(graph, selectText, excludeText) {
    try {
      const chosen = (selectText || '').trim() ? selectUnion(graph, selectText) : new Set(graph.byId.keys());
      if ((excludeText || '').trim()) {
        for (const id of selectUnion(graph, excludeText)) chosen.delete(id);
      }
      return { ids: chosen, error: null };
    } catch (err) {
      return { ids: new Set(), error: err.message };
    }
  }

  return { buildGraph, select, parseTerm, fnmatch };
});
