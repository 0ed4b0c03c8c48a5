import { TbError, ErrorCodes } from '../core/errors';
import { suggestion } from '../core/did-you-mean';
import type { AdapterCapabilities } from './adapter';
import { mysqlCapabilities } from './mysql/mysql-capabilities';
import { sqliteCapabilities } from './sqlite/sqlite-capabilities';

const byType: Readonly<Record<string, AdapterCapabilities>> = {
  mysql: mysqlCapabilities,
  sqlite: sqliteCapabilities,
};

export const adapterTypes: readonly string[] = Object.keys(byType);

/** Capabilities without a connection: compile needs quoting and dispatch, never a live database. */
export function capabilitiesFor(type: string): AdapterCapabilities {
  const caps = byType[type];
  if (!caps) {
    throw new TbError(ErrorCodes.configInvalidValue, `unknown adapter type '${type}'`, {
      hint: suggestion(type, adapterTypes) ?? `use one of: ${adapterTypes.join(', ')}`,
    });
  }
  return caps;
}

export function quoteIdentifier(caps: AdapterCapabilities, name: string): string {
  const q = caps.identifierQuote;
  // Most names hold no quote: no split and join (every ref of every node is quoted, twice a parse).
  return name.includes(q) ? q + name.split(q).join(q + q) + q : q + name + q;
}
