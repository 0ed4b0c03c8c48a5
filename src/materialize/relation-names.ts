import { createHash } from 'node:crypto';
import { ErrorCodes, TbError } from '../core/errors';
import type { IndexConfig, Relation } from '../core/types';

export const TEMP_SUFFIX = '__tb_tmp';
export const BACKUP_SUFFIX = '__tb_old';
/** A replaced table kept for rollback (`tb pipeline`): `<name>__tb_bk_<run id>`, see src/backups. */
export const KEPT_INFIX = '__tb_bk_';

/** Where run `runId` keeps the version of `target` it replaces: same schema, so a rollback is one RENAME. */
export function keptRelation(target: Relation, runId: string, maxLength: number): Relation {
  return { schema: target.schema, name: suffixedName(target.name, KEPT_INFIX + runId, maxLength) };
}

/** Names of the relations a build needs besides its target; injectable so tests can fix them. */
export interface RelationNamer {
  temp(target: Relation): Relation;
  backup(target: Relation): Relation;
  index(target: Relation, index: IndexConfig): string;
}

function shortHash(text: string, length: number): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/**
 * `<name><suffix>`, or when that exceeds `maxLength`, the name cut short with an 8-character hash of the
 * whole name in between, so that two long names sharing a prefix still get different temporaries.
 */
export function suffixedName(name: string, suffix: string, maxLength: number): string {
  const full = name + suffix;
  if (full.length <= maxLength) return full;
  const keep = maxLength - suffix.length - 9;
  return `${name.slice(0, keep)}_${shortHash(name, 8)}${suffix}`;
}

/** The deterministic namer: a crashed run's leftovers have the names the next run looks for. */
export function defaultRelationNamer(maxIdentifierLength: number): RelationNamer {
  return {
    temp: (t) => ({ schema: t.schema, name: suffixedName(t.name, TEMP_SUFFIX, maxIdentifierLength) }),
    backup: (t) => ({ schema: t.schema, name: suffixedName(t.name, BACKUP_SUFFIX, maxIdentifierLength) }),
    index: (t, index) =>
      index.name ??
      `tbix_${shortHash(`${t.schema}.${t.name}|${index.unique ? 'unique' : ''}|${index.columns.join(',')}`, 16)}`,
  };
}

/** Relation names longer than the engine allows fail late and obscurely; fail early and say how to fix it. */
export function assertIdentifierLength(relation: Relation, maxLength: number, file?: string): void {
  for (const part of [relation.schema, relation.name]) {
    if (part.length > maxLength) {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `relation name '${part}' is ${part.length} characters long; the limit is ${maxLength}`,
        { file, hint: 'set a shorter `alias` (or `schema`) in the model config' },
      );
    }
  }
}
