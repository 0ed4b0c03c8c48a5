import type { PortableType } from '../adapters/portable-types';
import type { Logger } from '../core/logger';
import type { Relation } from '../core/types';

/** What to load: one CSV into one relation. */
export interface SeedSpec {
  /** The seed's name, for messages. */
  readonly name: string;
  /** Where the table ends up (schema + alias). */
  readonly relation: Relation;
  /** Absolute path of the CSV. */
  readonly filePath: string;
  /** `column_types`: engine type text per column name, used verbatim in CREATE TABLE. */
  readonly columnTypes?: Readonly<Record<string, string>>;
  /** One character; `,` unless configured. */
  readonly delimiter?: string;
}

export interface SeedOptions {
  /** Same table as without it (a seed is always rebuilt and swapped in); see src/seed/README.md. */
  readonly fullRefresh?: boolean;
  readonly logger?: Logger;
  /** Stops between batches; the old table stays as it was. */
  readonly signal?: AbortSignal;
}

export interface SeedColumn {
  readonly name: string;
  /** The type in CREATE TABLE: the column_types override, or the inferred type in the engine's SQL. */
  readonly type: string;
  /** What the data looked like, whatever the override. */
  readonly inferred: PortableType;
  readonly overridden: boolean;
}

export interface SeedResult {
  readonly relation: Relation;
  readonly rows: number;
  readonly columns: readonly SeedColumn[];
  readonly seconds: number;
}
