import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';
import type { Adapter } from '../../adapters/adapter';
import { createAdapter } from '../../adapters/create-adapter';
import { profileCandidates } from '../../config/profiles';
import { loadProjectConfig } from '../../config/project-config';
import { Diagnostics, TbError } from '../../core/errors';
import type { TargetConfig } from '../../core/target';
import { tbVersion } from '../../core/version';
import { resolveProjectTarget } from '../../project/load-project';
import { paint } from '../../run/colors';
import { databaseMessage } from '../../run/database-error';
import { withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

interface Check {
  readonly name: 'project' | 'profile' | 'connection';
  readonly ok: boolean;
  readonly message: string;
}

/** Everything `tb debug` found out. It holds no secret: the password is masked before it gets here. */
interface DebugReport {
  readonly tbVersion: string;
  readonly nodeVersion: string;
  readonly os: string;
  readonly projectDir: string;
  readonly profilesFile?: string;
  readonly profile?: string;
  readonly target?: string;
  readonly adapterType?: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
  readonly serverVersion?: string;
  readonly checks: readonly Check[];
}

const MASK = '****';

export function registerDebug(program: Command): void {
  withProjectOptions(
    program.command('debug').description('check project.yml, the profile and the connection; print versions'),
  ).action(
    runAction(async (opts: GlobalOptions) => {
      const report = await collect(opts);
      const ok = report.checks.every((c) => c.ok);
      process.stdout.write(
        opts.logFormat === 'json'
          ? `${JSON.stringify(toJson(report, ok))}\n`
          : formatText(report, ok, Boolean(process.stdout.isTTY)),
      );
      return ok ? 0 : 1;
    }),
  );
}

/** Runs the checks in order; a failed one skips those that need it (no profile, no connection). */
async function collect(opts: GlobalOptions): Promise<DebugReport> {
  const projectDir = resolve(opts.projectDir ?? process.cwd());
  const base = {
    tbVersion,
    nodeVersion: process.version,
    os: `${platform()} ${arch()}`,
    projectDir,
    fields: {},
  };
  const project = checkProject(projectDir);
  if (project.profile === undefined) return { ...base, checks: [project.check] };
  const options = { ...opts, projectDir, profileName: project.profile };
  const profilesFile = profileCandidates(options).find((f) => existsSync(f));
  const known = { ...base, profilesFile, profile: project.profile };
  let target: TargetConfig;
  try {
    target = resolveProjectTarget(options);
  } catch (err) {
    return { ...known, checks: [project.check, { name: 'profile', ok: false, message: errorText(err) }] };
  }
  const profile: Check = {
    name: 'profile',
    ok: true,
    message: profilesFile
      ? `${profilesFile} found and valid`
      : 'no profiles.yml: the embedded SQLite default',
  };
  const connection = await connect(target);
  return {
    ...known,
    target: target.name,
    adapterType: target.type,
    fields: targetFields(target),
    serverVersion: connection.version,
    checks: [project.check, profile, connection.check],
  };
}

/** A project file that reads but has a bad key still names its profile, so the later checks go on. */
function checkProject(projectDir: string): { check: Check; profile?: string } {
  let profile: string | undefined;
  try {
    const diag = new Diagnostics();
    const config = loadProjectConfig(projectDir, diag);
    profile = config.profile;
    diag.throwIfAny();
    const message = `${join(projectDir, config.configFile)} found and valid`;
    return { profile, check: { name: 'project', ok: true, message } };
  } catch (err) {
    return { profile, check: { name: 'project', ok: false, message: errorText(err) } };
  }
}

/** `SELECT VERSION()` (or `sqlite_version()`) on a fresh connection; the error says where it tried to go. */
async function connect(target: TargetConfig): Promise<{ check: Check; version?: string }> {
  const where = 'host' in target ? `${target.host}:${target.port}` : target.path;
  const redact = secretRedactor(target);
  let adapter: Adapter | undefined;
  try {
    adapter = createAdapter(target, { poolSize: 1 });
    const version = await adapter.serverVersion();
    return { version, check: { name: 'connection', ok: true, message: `connected to ${where}` } };
  } catch (err) {
    const message = redact(`cannot connect to ${target.type} at ${where}: ${databaseMessage(err)}`);
    return { check: { name: 'connection', ok: false, message } };
  } finally {
    await adapter?.close().catch(() => undefined);
  }
}

/**
 * The target as it will be used, with the password masked and nested settings flattened (`ssl.ca`).
 * Read generically so that a new adapter's fields show up without touching this command.
 */
function targetFields(target: TargetConfig): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const visit = (prefix: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(prefix ? `${prefix}.${k}` : k, v);
    } else if (prefix === 'password') {
      out.password = value === '' ? '(not set)' : MASK;
    } else if (prefix !== 'name' && prefix !== 'type') {
      out[prefix] = value as string | number | boolean;
    }
  };
  visit('', target);
  return out;
}

/** Driver messages are not ours: should one ever quote the password, it is masked before printing. */
function secretRedactor(target: TargetConfig): (text: string) => string {
  const secret = 'password' in target ? target.password : '';
  return (text) => (secret ? text.split(secret).join(MASK) : text);
}

function errorText(err: unknown): string {
  return err instanceof TbError ? err.format() : ((err as Error)?.message ?? String(err));
}

function formatText(r: DebugReport, ok: boolean, color: boolean): string {
  const status = (c: Check) => (c.ok ? paint('OK', 'green', color) : paint('ERROR', 'red', color));
  const check = (name: Check['name']) => r.checks.find((c) => c.name === name);
  const lines = [
    `tb version: ${r.tbVersion}`,
    `Node version: ${r.nodeVersion}`,
    `os: ${r.os}`,
    `project dir: ${r.projectDir}`,
    `profiles.yml: ${r.profilesFile ?? '(none found)'}`,
  ];
  if (r.profile) lines.push(`profile: ${r.profile}`);
  if (r.target) lines.push(`target: ${r.target}`, `adapter type: ${r.adapterType}`);
  const fields = Object.entries(r.fields);
  if (fields.length > 0) lines.push('target fields:', ...fields.map(([k, v]) => `  ${k}: ${v}`));
  if (r.serverVersion) lines.push(`server version: ${r.serverVersion}`);
  lines.push('checks:');
  for (const name of ['project', 'profile', 'connection'] as const) {
    const c = check(name);
    if (c) lines.push(`  ${name}: [${status(c)}] ${indentRest(c.message)}`);
    else lines.push(`  ${name}: [${paint('SKIP', 'yellow', color)}] an earlier check failed`);
  }
  lines.push(ok ? paint('All checks passed!', 'green', color) : paint('Some checks failed.', 'red', color));
  return `${lines.join('\n')}\n`;
}

function indentRest(text: string): string {
  return text.split('\n').join('\n    ');
}

function toJson(r: DebugReport, ok: boolean): Record<string, unknown> {
  return {
    ok,
    tb_version: r.tbVersion,
    node_version: r.nodeVersion,
    os: r.os,
    project_dir: r.projectDir,
    profiles_file: r.profilesFile ?? null,
    profile: r.profile ?? null,
    target: r.target ?? null,
    adapter_type: r.adapterType ?? null,
    target_fields: r.fields,
    server_version: r.serverVersion ?? null,
    checks: r.checks,
  };
}
