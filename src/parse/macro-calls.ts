import type { MacroDef } from '../core/types';
import { BUILTIN_PACKAGE } from '../compile/macro-registry';
import { withoutComments } from '../core/text-position';

/** `{{ ... }}` and `{% ... %}` blocks: macro calls happen only inside them, SQL's own `count(` does not count. */
const JINJA_BLOCK = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
/**
 * `name(`, or `dbt.name(` (always the builtin). A call on any other object (`x.strftime(`) is a method, not a
 * macro.
 */
const CALL = /(?<![\w.])(dbt\.)?([A-Za-z_]\w*)\s*\(/g;
/** `adapter.dispatch('name'`: resolves at run time to `<adapter>__name` or `default__name`. */
const DISPATCH = /\badapter\.dispatch\(\s*['"]([A-Za-z_]\w*)['"]/g;

/**
 * The macros a template calls, found by reading its Jinja blocks rather than by rendering: a call inside a
 * branch the parse pass does not take (`{% if execute %}`, `{% if is_incremental() %}`) still counts, as
 * it does in dbt's static macro extraction. Used for `depends_on.macros`, which `state:modified` reads.
 */
export class MacroCalls {
  /** Macro name -> unique id of the macro a call by that name reaches (a project macro over a builtin). */
  private readonly byName = new Map<string, string>();
  /** Dispatch name -> the unique ids of every `<prefix>__name` implementation. */
  private readonly implementations = new Map<string, string[]>();
  /** Unique ids of the builtins, which `dbt.name` reaches. */
  private readonly builtins = new Set<string>();

  /** `defs` in registration order: builtins first, the project's after, as the template runtime sees them. */
  constructor(defs: readonly MacroDef[]) {
    for (const def of defs) {
      this.byName.set(def.name, def.uniqueId);
      if (def.packageName === BUILTIN_PACKAGE) this.builtins.add(def.uniqueId);
    }
    for (const [name, id] of this.byName) {
      const at = name.indexOf('__');
      if (at <= 0) continue;
      const base = name.slice(at + 2);
      this.implementations.set(base, [...(this.implementations.get(base) ?? []), id]);
    }
  }

  /** Unique id of the macro `name` resolves to, if any. */
  idOf(name: string): string | undefined {
    return this.byName.get(name);
  }

  /** Sorted unique ids of the macros `text` calls; `self` (a macro's own name) is left out. */
  calledIn(text: string, self?: string): string[] {
    if (!text.includes('{')) return [];
    const ids = new Set<string>();
    // A call commented out with {# #} is never made.
    for (const block of withoutComments(text).matchAll(JINJA_BLOCK)) {
      const code = block[0];
      for (const [, dbt, name] of code.matchAll(CALL)) {
        const id = dbt
          ? `macro.${BUILTIN_PACKAGE}.${name}`
          : name === self
            ? undefined
            : this.byName.get(name);
        if (id && (!dbt || this.builtins.has(id))) ids.add(id);
      }
      for (const m of code.matchAll(DISPATCH)) {
        for (const id of this.implementations.get(m[1]) ?? []) ids.add(id);
      }
    }
    return [...ids].sort();
  }

  /** Each macro with the macros its own text calls, for the manifest and for transitive `state:modified`. */
  withDependencies(defs: readonly MacroDef[]): MacroDef[] {
    return defs.map((def) => ({ ...def, dependsOn: { macros: this.calledIn(def.macroSql, def.name) } }));
  }
}
