import { ErrorCodes, TbError } from '../core/errors';
import type { SeedNode } from '../core/types';
import type { SeedSpec } from './seed-spec';

function delimiterOf(node: SeedNode): string | undefined {
  const value = node.config.delimiter;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || [...value].length !== 1) {
    throw new TbError(ErrorCodes.configInvalidValue, `seed '${node.name}': delimiter must be one character`, {
      file: node.patchPath ?? node.originalFilePath,
      hint: `got ${JSON.stringify(value)}; use e.g. ',' or ';' or '\\t'`,
    });
  }
  return value;
}

/** The part of a parsed seed node that loading needs. */
export function seedSpecFromNode(node: SeedNode): SeedSpec {
  return {
    name: node.name,
    relation: { schema: node.schema, name: node.alias },
    filePath: node.seedFilePath,
    columnTypes: node.config.column_types,
    delimiter: delimiterOf(node),
  };
}
