/**
 * Which server the dump's version-conditional comments are judged against, as that server would judge them:
 * `/*!NNNNN ... *\/` runs on a server at or above version NNNNN, `/*M!NNNNNN ... *\/` only on MariaDB at or above.
 * @see https://dev.mysql.com/doc/refman/8.0/en/comments.html
 * @see https://mariadb.com/kb/en/comment-syntax/
 */
export interface ServerVersion {
  readonly mariadb: boolean;
  /** Major * 10000 + minor * 100 + patch, e.g. 80036 or 101119. */
  readonly version: number;
}

/** A MySQL 8.0 server: what a dry run judges against when there is no target to ask. */
export const DEFAULT_SERVER_VERSION: ServerVersion = { mariadb: false, version: 80036 };

/** `SELECT VERSION()` text (`10.11.19-MariaDB-0+deb12u1`, `8.0.36`) to a ServerVersion. */
export function parseServerVersion(text: string): ServerVersion {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m) return DEFAULT_SERVER_VERSION;
  return {
    mariadb: /mariadb/i.test(text),
    version: Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]),
  };
}

/** Whether a conditional comment with this marker runs on the server. */
export function conditionalRuns(
  server: ServerVersion,
  mariadbOnly: boolean,
  version: number | null,
): boolean {
  if (mariadbOnly && !server.mariadb) return false;
  return version === null || version <= server.version;
}
