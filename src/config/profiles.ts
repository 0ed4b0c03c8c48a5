import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { TbError, ErrorCodes } from '../core/errors';
import { suggestion } from '../core/did-you-mean';
import type { MysqlTarget, SqliteTarget, TargetConfig } from '../core/target';
import { readYaml, renderYamlValues, yamlContext } from './render-yaml';
import { isPlainObject } from './coerce';

export interface ProfileOptions {
  readonly projectDir: string;
  readonly profileName: string;
  readonly profilesDir?: string;
  readonly target?: string;
  readonly threads?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Where profiles.yml is looked for, first hit wins: --profiles-dir, $TB_PROFILES_DIR, the project, ~/.tb. */
export function profileCandidates(options: ProfileOptions): string[] {
  const env = options.env ?? process.env;
  const dirs = [options.profilesDir, env.TB_PROFILES_DIR, options.projectDir, join(homedir(), '.tb')];
  return dirs.filter((d): d is string => Boolean(d)).map((d) => join(resolve(d), 'profiles.yml'));
}

export function resolveTarget(options: ProfileOptions): TargetConfig {
  const env = options.env ?? process.env;
  const candidates = profileCandidates(options);
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw new TbError(
      ErrorCodes.profileNotFound,
      `no profiles.yml found (looked in: ${candidates.join(', ')})`,
      {
        hint: 'create profiles.yml next to project.yml, or pass --profiles-dir',
      },
    );
  }
  const yaml = readYaml(file, readFileSync(file, 'utf8'));
  const profiles = yaml.data as Record<string, unknown>;
  const profile = profiles[options.profileName];
  if (!isPlainObject(profile)) {
    throw new TbError(ErrorCodes.profileNotFound, `profile '${options.profileName}' not found in ${file}`, {
      file,
      hint: suggestion(options.profileName, Object.keys(profiles)),
    });
  }
  const outputs = isPlainObject(profile.outputs) ? profile.outputs : {};
  const defaultTarget = renderYamlValues(profile.target ?? 'dev', yamlContext(env), file);
  const targetName = options.target ?? String(defaultTarget);
  const raw = outputs[targetName];
  if (!isPlainObject(raw)) {
    throw new TbError(
      ErrorCodes.profileNotFound,
      `target '${targetName}' not found in profile '${options.profileName}'`,
      {
        file,
        line: yaml.lineOf([options.profileName, 'outputs']),
        hint: suggestion(targetName, Object.keys(outputs)) ?? `targets: ${Object.keys(outputs).join(', ')}`,
      },
    );
  }
  const rendered = renderYamlValues(raw, yamlContext(env), file) as Record<string, unknown>;
  return toTarget(targetName, rendered, options, file);
}

function toTarget(
  name: string,
  raw: Record<string, unknown>,
  options: ProfileOptions,
  file: string,
): TargetConfig {
  const type = String(raw.type ?? '');
  const threads = options.threads ?? (raw.threads === undefined ? undefined : Number(raw.threads));
  if (type === 'sqlite') {
    const path = String(raw.path ?? raw.folder ?? '.tb/warehouse');
    const target: SqliteTarget = {
      name,
      type: 'sqlite',
      path: isAbsolute(path) ? path : resolve(options.projectDir, path),
      schema: String(raw.schema ?? 'main'),
      // One writer: SQLite gains nothing from more threads.
      threads: 1,
    };
    return target;
  }
  if (type === 'mysql' || type === 'mariadb' || type === 'aurora') {
    const ssl = isPlainObject(raw.ssl) ? raw.ssl : raw.ssl_ca ? { ca: raw.ssl_ca } : undefined;
    const target: MysqlTarget = {
      name,
      type: 'mysql',
      host: String(raw.host ?? raw.server ?? '127.0.0.1'),
      port: Number(raw.port ?? 3306),
      user: String(raw.user ?? raw.username ?? 'root'),
      password: String(raw.password ?? raw.pass ?? ''),
      schema: String(raw.schema ?? raw.database ?? 'analytics'),
      threads: threads ?? 4,
      ssl: ssl
        ? {
            ca: ssl.ca ? resolve(options.projectDir, String(ssl.ca)) : undefined,
            rejectUnauthorized: ssl.rejectUnauthorized === undefined ? true : Boolean(ssl.rejectUnauthorized),
          }
        : undefined,
      connectTimeoutMs: raw.connect_timeout === undefined ? undefined : Number(raw.connect_timeout) * 1000,
    };
    return target;
  }
  throw new TbError(ErrorCodes.configInvalidValue, `target '${name}' has unknown type '${type}'`, {
    file,
    hint: suggestion(type, ['sqlite', 'mysql', 'mariadb']) ?? 'use type: sqlite or type: mysql',
  });
}
