import type { AdapterCapabilities } from '../adapters/adapter';
import type { TextRow } from '../adapters/bulk-insert';
import type { PortableType } from '../adapters/portable-types';
import { engineColumnTypes } from '../adapters/portable-types';
import { suggestion } from '../core/did-you-mean';
import { ErrorCodes, TbError } from '../core/errors';
import type { SeedColumn, SeedSpec } from './seed-spec';

/** column_types keys match a header name exactly, else case-insensitively (as the engines compare them). */
function overrideFor(name: string, overrides: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(overrides, name)) return overrides[name];
  const key = Object.keys(overrides).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : overrides[key];
}

/** A misspelled column in column_types would otherwise be ignored without a word. */
function checkOverrides(names: readonly string[], spec: SeedSpec): void {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const [key, value] of Object.entries(spec.columnTypes ?? {})) {
    if (!lower.has(key.toLowerCase())) {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `seed '${spec.name}': column_types names '${key}', which is not a column of the CSV`,
        { file: spec.filePath, hint: suggestion(key, names) ?? `the columns are: ${names.join(', ')}` },
      );
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `seed '${spec.name}': column_types.${key} must be a type name such as 'varchar(20)'`,
        { file: spec.filePath },
      );
    }
  }
}

export function resolveColumns(
  capabilities: AdapterCapabilities,
  names: readonly string[],
  inferred: readonly PortableType[],
  spec: SeedSpec,
): SeedColumn[] {
  checkOverrides(names, spec);
  const engine = engineColumnTypes(capabilities, inferred);
  return names.map((name, i) => {
    const override = overrideFor(name, spec.columnTypes ?? {});
    return { name, type: override ?? engine[i], inferred: inferred[i], overridden: override !== undefined };
  });
}

/**
 * Cells become text values for bulkInsert: empty is NULL, a boolean is 1 or 0 (what both engines store), and
 * every other value goes in exactly as written for the engine to convert.
 */
export function rowConverter(columns: readonly SeedColumn[]): (record: readonly string[]) => TextRow {
  const booleans = columns.map((c) => c.inferred.kind === 'boolean');
  return (record) =>
    record.map((cell, i) => {
      if (cell.length === 0) return null;
      if (booleans[i]) return cell.length === 4 ? '1' : '0';
      return cell;
    });
}
