import { suggestion } from '../core/did-you-mean';
import { ErrorCodes, TbError } from '../core/errors';
import { isPlainObject, toStringList } from '../config/coerce';
import { parseDuration } from './duration';

/** What a stage does: load the dump, seed, build models of a selection, or run data tests. */
export type StageKind = 'load' | 'seed' | 'models' | 'tests';

export interface StageConfig {
  readonly name: string;
  readonly kind: StageKind;
  /** Attempts after the first, for transient errors only. */
  readonly retries: number;
  readonly delayMs: number;
  /** Selector for `models` and `tests` stages (dbt syntax); none means every node of the kind. */
  readonly select: readonly string[];
  /** `load`: the schema the dump lands in; default the schema the project's sources read. */
  readonly schema?: string;
}

export interface PipelineConfig {
  readonly stages: readonly StageConfig[];
  /** The dump for the load stage; `TB_DUMP_SOURCE` and the command's argument win. */
  readonly source?: string;
  readonly latest: boolean;
  /** Previous versions of replaced tables kept per layer, in runs. */
  readonly keepBackups: number;
  /** Stages whose replaced tables are kept as backups (their `layer` in tb_backups). */
  readonly backupLayers: readonly string[];
}

export const STAGE_NAMES = ['staging', 'seed', 'silver', 'gold', 'tests'] as const;

/** As the Step Functions state machine did it: staging 2 × 5 min, silver and gold 3 × 1 min. */
export const DEFAULT_STAGES: readonly StageConfig[] = [
  { name: 'staging', kind: 'load', retries: 2, delayMs: 300_000, select: [] },
  { name: 'seed', kind: 'seed', retries: 3, delayMs: 60_000, select: [] },
  { name: 'silver', kind: 'models', retries: 3, delayMs: 60_000, select: ['silver'] },
  { name: 'gold', kind: 'models', retries: 3, delayMs: 60_000, select: ['gold'] },
  { name: 'tests', kind: 'tests', retries: 3, delayMs: 60_000, select: [] },
];

export const DEFAULT_KEEP_BACKUPS = 7;

const TOP_KEYS = ['stages', 'order', 'source', 'latest', 'backups'];
const STAGE_KEYS = ['retries', 'delay', 'select', 'schema', 'kind', 'enabled'];
const BACKUP_KEYS = ['keep', 'layers'];
const KINDS: readonly StageKind[] = ['load', 'seed', 'models', 'tests'];

/** Reads `pipeline:` of project.yml (ProjectConfig.extras.pipeline); every key is checked. */
export function readPipelineConfig(raw: unknown, file = 'project.yml'): PipelineConfig {
  const where = (path: string) => `${file}: pipeline${path}`;
  const section = raw === undefined || raw === null ? {} : expectObject(raw, where(''));
  checkKeys(section, TOP_KEYS, where(''), file);
  const given = section.stages === undefined ? {} : expectObject(section.stages, where('.stages'));
  const stages = new Map(DEFAULT_STAGES.map((s) => [s.name, s]));
  const disabled = new Set<string>();
  for (const [name, value] of Object.entries(given)) {
    const path = where(`.stages.${name}`);
    const body = value === null ? {} : expectObject(value, path);
    checkKeys(body, STAGE_KEYS, path, file);
    const base = stages.get(name) ?? customStage(name, body, path);
    stages.set(name, stageFrom(base, body, path));
    if (body.enabled === false) disabled.add(name);
  }
  const order = section.order === undefined ? [...stages.keys()] : toStringList(section.order);
  for (const name of order) {
    if (!stages.has(name)) {
      throw new TbError(ErrorCodes.configInvalidValue, `${where('.order')}: no stage '${name}'`, {
        file,
        hint: suggestion(name, stages.keys()) ?? `stages: ${[...stages.keys()].join(', ')}`,
      });
    }
  }
  const backups = section.backups === undefined ? {} : expectObject(section.backups, where('.backups'));
  checkKeys(backups, BACKUP_KEYS, where('.backups'), file);
  const keep = backups.keep === undefined ? DEFAULT_KEEP_BACKUPS : Number(backups.keep);
  if (!Number.isInteger(keep) || keep < 0) {
    throw new TbError(ErrorCodes.configInvalidValue, `${where('.backups.keep')} must be a whole number ≥ 0`, {
      file,
    });
  }
  const list = order.filter((n) => !disabled.has(n)).map((n) => stages.get(n) as StageConfig);
  return {
    stages: list,
    source: section.source === undefined ? undefined : String(section.source),
    latest: section.latest === true,
    keepBackups: keep,
    backupLayers:
      backups.layers === undefined
        ? list.filter((s) => s.kind === 'models').map((s) => s.name)
        : toStringList(backups.layers),
  };
}

function customStage(name: string, body: Record<string, unknown>, path: string): StageConfig {
  if (body.kind === undefined) {
    throw new TbError(ErrorCodes.configInvalidValue, `${path}: unknown stage '${name}'`, {
      hint:
        suggestion(name, STAGE_NAMES) ??
        `the stages are ${STAGE_NAMES.join(', ')}; a new stage needs a kind (${KINDS.join(', ')})`,
    });
  }
  return { name, kind: 'models', retries: 0, delayMs: 60_000, select: [name] };
}

function stageFrom(base: StageConfig, body: Record<string, unknown>, path: string): StageConfig {
  let kind = base.kind;
  if (body.kind !== undefined) {
    if (!KINDS.includes(body.kind as StageKind)) {
      throw new TbError(ErrorCodes.configInvalidValue, `${path}.kind: '${String(body.kind)}' is not a kind`, {
        hint: suggestion(String(body.kind), KINDS) ?? `use one of: ${KINDS.join(', ')}`,
      });
    }
    kind = body.kind as StageKind;
  }
  const retries = body.retries === undefined ? base.retries : Number(body.retries);
  if (!Number.isInteger(retries) || retries < 0) {
    throw new TbError(ErrorCodes.configInvalidValue, `${path}.retries must be a whole number ≥ 0`);
  }
  return {
    ...base,
    kind,
    retries,
    delayMs: body.delay === undefined ? base.delayMs : parseDuration(body.delay, `${path}.delay`),
    select: body.select === undefined ? base.select : toStringList(body.select),
    schema: body.schema === undefined ? base.schema : String(body.schema),
  };
}

function expectObject(value: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new TbError(ErrorCodes.configInvalidValue, `${where} must be a mapping`);
  }
  return value;
}

function checkKeys(
  body: Record<string, unknown>,
  known: readonly string[],
  where: string,
  file: string,
): void {
  for (const key of Object.keys(body)) {
    if (known.includes(key)) continue;
    throw new TbError(ErrorCodes.configUnknownKey, `${where}: unknown key '${key}'`, {
      file,
      hint: suggestion(key, known) ?? `keys: ${known.join(', ')}`,
    });
  }
}
