import type { AdapterCapabilities } from '../adapters/adapter';
import { quoteIdentifier } from '../adapters/capabilities-for';

/** What `ref()`, `source()` and `this` return: renders as the quoted relation, exposes its parts like dbt's. */
export class RelationRef {
  constructor(
    readonly schema: string,
    readonly identifier: string,
    private readonly caps: AdapterCapabilities,
  ) {}

  get name(): string {
    return this.identifier;
  }

  get table(): string {
    return this.identifier;
  }

  get database(): string {
    return this.schema;
  }

  render(): string {
    return this.toString();
  }

  toString(): string {
    if (!this.schema) return quoteIdentifier(this.caps, this.identifier);
    return `${quoteIdentifier(this.caps, this.schema)}.${quoteIdentifier(this.caps, this.identifier)}`;
  }
}

/** An ephemeral model renders as the name of the CTE it is inlined as. */
export class CteRef extends RelationRef {
  override toString(): string {
    return this.identifier;
  }
}
