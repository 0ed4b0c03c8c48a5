/**
 * The parsed form of `--select` / `--exclude`: a union (space) of intersections (comma) of criteria.
 * Positions are kept so that a later error (unknown method, bad value) can point at the text.
 */

/** One `[@][n+]method[.args]:value[+n]` term, e.g. `2+tag:nightly` or `config.materialized:table+`. */
export interface SelectionCriterion {
  /** The term as typed: `2+tag:nightly`. */
  readonly raw: string;
  /** The whole argument string the term came from (for error messages). */
  readonly input: string;
  /** 1-based position of the term inside `input`. */
  readonly column: number;
  /** 1-based position of the value inside `input`. */
  readonly valueColumn: number;
  /** Method name (`fqn`, `tag`, `config`, ...); `fqn`, `path` or `file` when none was typed. */
  readonly method: string;
  /** Dotted parts after the method name: `config.materialized` -> `['materialized']`. */
  readonly methodArguments: readonly string[];
  readonly value: string;
  /** `+m`: all ancestors; `2+m`: two generations (parentsDepth 2). */
  readonly parents: boolean;
  readonly parentsDepth?: number;
  /** `m+`: all descendants; `m+1`: one generation (childrenDepth 1). */
  readonly children: boolean;
  readonly childrenDepth?: number;
  /** `@m`: descendants, and every ancestor of those descendants. */
  readonly childrensParents: boolean;
}

/** `a,b,c`: nodes every criterion selects. */
export interface SelectionIntersection {
  readonly raw: string;
  readonly criteria: readonly SelectionCriterion[];
}

/** `a b` (or `--select a --select b`): nodes any intersection selects. */
export interface SelectionUnion {
  readonly intersections: readonly SelectionIntersection[];
}
