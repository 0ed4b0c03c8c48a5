import type { Relation } from '../adapters/adapter';
import type { SqlDialect } from '../adapters/sql-dialect';
import { suggestion } from '../core/did-you-mean';
import { ErrorCodes, TbError } from '../core/errors';
import type { Statement } from '../materialize/statement';

/** Privileges a `grants:` config may name. dbt allows any; dashboards only ever need to read. */
export const GRANT_PRIVILEGES = ['select'] as const;

/** `reader`, `reader@%`, `reader@10.0.%`: an account or role name, nothing that could end the statement. */
const GRANTEE = /^[A-Za-z0-9_.$-]{1,80}(@[A-Za-z0-9_.%:-]{1,255})?$/;

/**
 * The GRANT statements a model's `grants:` config asks for, to run after every build and swap: on MySQL a
 * privilege granted on `db.t` is kept by name, so granting again after a RENAME is harmless and covers a
 * table that did not exist before. Empty where the engine has no privileges (SQLite). Pure.
 */
export function grantStatements(
  grants: unknown,
  relation: Relation,
  dialect: SqlDialect,
  file?: string,
): Statement[] {
  if (grants === undefined || grants === null) return [];
  if (typeof grants !== 'object' || Array.isArray(grants)) {
    throw new TbError(ErrorCodes.configInvalidValue, 'grants must be a mapping like {select: [reader]}', {
      file,
    });
  }
  const out: Statement[] = [];
  for (const [privilege, value] of Object.entries(grants as Record<string, unknown>)) {
    if (!(GRANT_PRIVILEGES as readonly string[]).includes(privilege)) {
      throw new TbError(ErrorCodes.configInvalidValue, `grants: unknown privilege '${privilege}'`, {
        file,
        hint: suggestion(privilege, GRANT_PRIVILEGES) ?? `use one of: ${GRANT_PRIVILEGES.join(', ')}`,
      });
    }
    const grantees = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const grantee of grantees.map(String)) {
      if (!GRANTEE.test(grantee)) {
        throw new TbError(ErrorCodes.configInvalidValue, `grants: '${grantee}' is not a user or role name`, {
          file,
          hint: 'write a role or user name, optionally with @host (reader@%)',
        });
      }
      if (dialect.grantSelect) out.push({ sql: dialect.grantSelect(relation, grantee), role: 'grant' });
    }
  }
  return out;
}
