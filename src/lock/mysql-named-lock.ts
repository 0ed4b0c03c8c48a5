import { createHash } from 'node:crypto';
import type { Session } from '../adapters/adapter';
import { createAdapter } from '../adapters/create-adapter';
import type { MysqlTarget } from '../core/target';
import { lockBusyError, lockCancelledError, lockLostError } from './lock-busy-error';
import type { LockOptions, WarehouseLock } from './lock-types';

/** @see https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html: names are at most 64 characters. */
const MAX_LOCK_NAME = 64;

/** `tb:<target schema>`: one writer per deployment (the target's default schema names it). */
export function mysqlLockName(schema: string): string {
  const name = `tb:${schema}`;
  if (name.length <= MAX_LOCK_NAME) return name;
  return `tb:${createHash('sha1').update(schema).digest('hex')}`;
}

/** A connection held outside any pool for the lock's life: GET_LOCK belongs to it, and dies with it. */
interface Holder {
  readonly session: Session;
  close(): Promise<void>;
}

async function openHolder(target: MysqlTarget): Promise<Holder> {
  const adapter = createAdapter({ ...target, threads: 1 }, { poolSize: 1 });
  let free!: () => void;
  const done = new Promise<void>((resolve) => (free = resolve));
  let held: Promise<unknown> = Promise.resolve();
  try {
    const session = await new Promise<Session>((resolve, reject) => {
      held = adapter.withSession(async (s) => {
        resolve(s);
        await done;
      });
      held.catch(reject);
    });
    return {
      session,
      close: async () => {
        free();
        await held.catch(() => undefined);
        await adapter.close().catch(() => undefined);
      },
    };
  } catch (err) {
    await adapter.close().catch(() => undefined);
    throw err;
  }
}

async function tryLock(session: Session, name: string, seconds: number): Promise<boolean> {
  const { rows } = await session.execute('SELECT GET_LOCK(?, ?) AS got', [name, seconds]);
  return Number(rows[0]?.got) === 1;
}

async function describeHolder(session: Session, name: string): Promise<string> {
  const { rows } = await session.execute('SELECT IS_USED_LOCK(?) AS id', [name]);
  const id = rows[0]?.id;
  if (id === null || id === undefined) return 'it was released a moment ago';
  const info = await session
    .execute('SELECT USER AS u, HOST AS h, TIME AS t FROM information_schema.PROCESSLIST WHERE ID = ?', [id])
    .then((r) => r.rows[0])
    .catch(() => undefined);
  if (!info) return `connection ${String(id)}`;
  return `connection ${String(id)} of ${String(info.u)} from ${String(info.h)}, for ${String(info.t)} s`;
}

/** `GET_LOCK('tb:<schema>', 0)` on a dedicated connection; `wait` polls in GET_LOCK slices of `pollMs`. */
export async function acquireMysqlLock(target: MysqlTarget, options: LockOptions): Promise<WarehouseLock> {
  const name = mysqlLockName(target.schema);
  const slice = Math.max(1, Math.round((options.pollMs ?? 5000) / 1000));
  let holder = await openHolder(target);
  try {
    if (!(await tryLock(holder.session, name, 0))) {
      const who = await describeHolder(holder.session, name);
      if (!options.wait) throw lockBusyError(name, who);
      options.logger?.info('lock_waiting', `waiting for the warehouse lock ${name} (${who})`, { lock: name });
      // GET_LOCK waits in the server; slices let a SIGTERM stop the wait.
      while (!(await tryLock(holder.session, name, slice))) {
        if (options.signal?.aborted) throw lockCancelledError(name);
      }
    }
  } catch (err) {
    await holder.close();
    throw err;
  }
  options.logger?.debug('lock_acquired', `took the warehouse lock ${name}`, { lock: name });
  return {
    name,
    async ensureHeld() {
      const mine = await holder.session
        .execute('SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS mine', [name])
        .then((r) => Number(r.rows[0]?.mine) === 1)
        .catch(() => false);
      if (mine) return;
      // The holding connection is gone (server restart, network): take the lock again on a new one.
      await holder.close();
      holder = await openHolder(target);
      if (!(await tryLock(holder.session, name, 0))) throw lockLostError(name);
      options.logger?.warn('lock_reacquired', `the warehouse lock ${name} was taken again after a reconnect`);
    },
    async release() {
      await holder.session.execute('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
      await holder.close();
    },
  };
}
