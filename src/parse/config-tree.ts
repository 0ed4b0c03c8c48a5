import { TbError, ErrorCodes, type Diagnostics, type SourceLocation } from '../core/errors';
import { suggestion } from '../core/did-you-mean';
import { ADDITIVE_KEYS, CONFIG_KEYS, normalizeConfigKey, type ConfigResource } from '../config/config-keys';
import { isPlainObject, toStringList } from '../config/coerce';

export type ConfigValues = Record<string, unknown>;

/** Where a key is written in its file; undefined when it is not (a key set by a macro, say). */
export type KeyPosition = Omit<SourceLocation, 'file'> | undefined;
type PositionOf = (path: (string | number)[]) => KeyPosition;

/**
 * The `models:` / `seeds:` / ... tree of project.yml, flattened once into (fqn prefix -> config) levels.
 * A key with `+` is always config; a key without `+` is config when it is a known config key, otherwise a
 * folder. A scalar under an unknown key cannot be a folder: that is a misspelled config key.
 */
export class ConfigTree {
  private readonly levels = new Map<string, ConfigValues>();

  constructor(
    tree: unknown,
    private readonly resource: ConfigResource,
    file: string,
    diag: Diagnostics,
    positionOf: PositionOf = () => undefined,
  ) {
    this.walk(tree, [], file, diag, positionOf);
  }

  /** Config for a node whose fqn is `[project, ...folders, name]`: root first, deepest last. */
  configFor(fqn: readonly string[]): ConfigValues {
    let merged: ConfigValues = {};
    for (let i = 0; i <= fqn.length; i++) {
      const level = this.levels.get(fqn.slice(0, i).join('.'));
      if (level) merged = mergeConfig(merged, level);
    }
    return merged;
  }

  private walk(node: unknown, path: string[], file: string, diag: Diagnostics, positionOf: PositionOf): void {
    if (!isPlainObject(node)) return;
    const known = CONFIG_KEYS[this.resource];
    const level: ConfigValues = {};
    for (const [key, value] of Object.entries(node)) {
      const name = normalizeConfigKey(key);
      const isConfig = key.startsWith('+') || known.has(key);
      const unknown = () =>
        unknownKey(key, this.resource, file, positionOf([this.resource, ...path, key]), known, FOLDER_HINT);
      if (isConfig) {
        if (!known.has(name) && !known.has(key.slice(1))) {
          diag.add(unknown());
          continue;
        }
        level[name] = value;
      } else if (isPlainObject(value)) {
        this.walk(value, [...path, key], file, diag, positionOf);
      } else {
        diag.add(unknown());
      }
    }
    if (Object.keys(level).length > 0) this.levels.set(path.join('.'), level);
  }
}

const FOLDER_HINT = 'a folder name must hold a mapping; config keys start with +';
const CUSTOM_KEY_HINT = 'remove it, or keep values of your own under meta: {...}';

function unknownKey(
  key: string,
  resource: string,
  file: string,
  at: KeyPosition,
  known: ReadonlySet<string>,
  otherwise: string,
): TbError {
  const bare = key.replace(/^\+/, '');
  return new TbError(ErrorCodes.configUnknownKey, `unknown config key '${key}' under ${resource}:`, {
    file,
    ...at,
    hint: suggestion(bare, known) ?? otherwise,
  });
}

/** Later wins, except tags and hooks, which accumulate (dbt's behaviour). */
export function mergeConfig(base: ConfigValues, over: ConfigValues): ConfigValues {
  const out: ConfigValues = { ...base };
  for (const [rawKey, value] of Object.entries(over)) {
    const key = normalizeConfigKey(rawKey);
    if (ADDITIVE_KEYS.has(key)) {
      out[key] = [...toStringList(out[key]), ...toStringList(value)];
    } else if (isPlainObject(value) && isPlainObject(out[key]) && key !== 'column_types') {
      out[key] = { ...(out[key] as ConfigValues), ...value };
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Checks config given in properties YAML or in `config()` against the known keys. */
export function validateConfigKeys(
  values: ConfigValues,
  resource: ConfigResource,
  file: string,
  positionOf: (key: string) => KeyPosition,
  diag: Diagnostics,
): ConfigValues {
  const known = CONFIG_KEYS[resource];
  const out: ConfigValues = {};
  for (const [key, value] of Object.entries(values)) {
    const name = normalizeConfigKey(key);
    if (!known.has(name) && !known.has(key)) {
      diag.add(unknownKey(key, resource, file, positionOf(key), known, CUSTOM_KEY_HINT));
      continue;
    }
    out[name] = value;
  }
  return out;
}
