/**
 * One cycle of a directed graph as a closed chain (`a -> b -> c -> a` is `[a, b, c, a]`), rotated to
 * start at its smallest id so the message is the same on every run; undefined when there is none.
 */
export function findCycle(
  nodes: readonly string[],
  children: (id: string) => readonly string[],
): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    const cycle = searchFrom(root, children, state);
    if (cycle) return rotate(cycle);
  }
  return undefined;
}

/** Iterative depth-first search (deep graphs must not overflow the stack); a back edge closes a cycle. */
function searchFrom(
  root: string,
  children: (id: string) => readonly string[],
  state: Map<string, 'open' | 'done'>,
): string[] | undefined {
  const path: string[] = [root];
  const pending: (readonly string[])[] = [children(root)];
  const cursor: number[] = [0];
  state.set(root, 'open');
  while (path.length > 0) {
    const top = path.length - 1;
    const next = pending[top][cursor[top]++];
    if (next === undefined) {
      state.set(path[top], 'done');
      path.pop();
      pending.pop();
      cursor.pop();
    } else if (state.get(next) === 'open') {
      return path.slice(path.indexOf(next));
    } else if (!state.has(next)) {
      state.set(next, 'open');
      path.push(next);
      pending.push(children(next));
      cursor.push(0);
    }
  }
  return undefined;
}

function rotate(cycle: string[]): string[] {
  let start = 0;
  cycle.forEach((id, i) => {
    if (id < cycle[start]) start = i;
  });
  const ordered = [...cycle.slice(start), ...cycle.slice(0, start)];
  return [...ordered, ordered[0]];
}
