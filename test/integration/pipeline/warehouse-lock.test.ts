import { createAdapter } from '../../../src/adapters/create-adapter';
import { acquireWarehouseLock, LOCK_BUSY_CODE, LOCK_LOST_CODE } from '../../../src/lock/warehouse-lock';
import { mysqlLockName } from '../../../src/lock/mysql-named-lock';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';

describe.each(testWarehouses('tbprod_'))('the warehouse lock on %s', (_name, make) => {
  let wh: TestWarehouse;
  beforeAll(() => {
    wh = make();
  });
  afterAll(() => wh.cleanup());

  it('refuses a second writer at once, naming the holder', async () => {
    const first = await acquireWarehouseLock(wh.target, { command: 'tb pipeline' });
    try {
      await expect(acquireWarehouseLock(wh.target)).rejects.toMatchObject({
        code: LOCK_BUSY_CODE,
        message: expect.stringMatching(
          /another tb writer holds the warehouse lock .*: (connection \d+|tb pipeline \(pid \d+)/,
        ),
      });
    } finally {
      await first.release();
    }
    const again = await acquireWarehouseLock(wh.target);
    await again.release();
  });

  it('lets a waiting writer in once the holder releases', async () => {
    const first = await acquireWarehouseLock(wh.target);
    const order: string[] = [];
    const waiting = acquireWarehouseLock(wh.target, { wait: true, pollMs: 50 }).then((lock) => {
      order.push('second acquired');
      return lock;
    });
    await new Promise((r) => setTimeout(r, 200));
    order.push('first releases');
    await first.release();
    const second = await waiting;
    await second.release();
    expect(order).toEqual(['first releases', 'second acquired']);
  });

  if (_name === 'mysql') {
    it('takes the lock again after its connection was killed, unless someone else took it', async () => {
      const lock = await acquireWarehouseLock(wh.target);
      const admin = createAdapter(wh.target, { poolSize: 1 });
      try {
        const holderId = async () =>
          (await admin.execute('SELECT IS_USED_LOCK(?) AS id', [mysqlLockName(wh.target.schema)])).rows[0].id;
        await admin.execute(`KILL ${Number(await holderId())}`);
        await lock.ensureHeld();
        expect(await holderId()).not.toBeNull();
        await admin.execute(`KILL ${Number(await holderId())}`);
        const thief = await acquireWarehouseLock(wh.target);
        await expect(lock.ensureHeld()).rejects.toMatchObject({ code: LOCK_LOST_CODE });
        await thief.release();
      } finally {
        await lock.release();
        await admin.close();
      }
    });
  }
});
