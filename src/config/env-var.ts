import { TbError, ErrorCodes } from '../core/errors';

/** `env_var('X', 'default')`: a missing variable without a default is an error, as in dbt. */
export function envVar(env: NodeJS.ProcessEnv, name: string, fallback?: unknown): string {
  const value = env[name];
  if (value !== undefined) return value;
  if (fallback !== undefined && fallback !== null) return String(fallback);
  throw new TbError(
    ErrorCodes.envVarMissing,
    `environment variable '${name}' is not set and has no default`,
    {
      hint: `export ${name}=... or write env_var('${name}', 'default')`,
    },
  );
}
