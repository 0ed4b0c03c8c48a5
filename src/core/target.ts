/** A resolved target of profiles.yml: where and how to connect. Secrets stay in here and nowhere else. */

export interface SqliteTarget {
  readonly name: string;
  readonly type: 'sqlite';
  /** A folder: each schema is the database file `<path>/<schema>.db`, attached under its own name. */
  readonly path: string;
  readonly schema: string;
  readonly threads: number;
}

export interface MysqlSslConfig {
  /** Path of the CA bundle (Aurora: the RDS global bundle). */
  readonly ca?: string;
  readonly rejectUnauthorized?: boolean;
}

export interface MysqlTarget {
  readonly name: string;
  readonly type: 'mysql';
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The default schema (MySQL calls it a database). */
  readonly schema: string;
  readonly ssl?: MysqlSslConfig;
  readonly threads: number;
  readonly connectTimeoutMs?: number;
}

export type TargetConfig = SqliteTarget | MysqlTarget;

/** What a template sees as `target`: never the password. */
export function publicTarget(target: TargetConfig): Record<string, unknown> {
  const { ...copy } = target as unknown as Record<string, unknown>;
  delete copy.password;
  return { ...copy, database: target.schema };
}
