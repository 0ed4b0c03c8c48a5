import { TaskPool } from '../../../src/load/task-pool';

/** A task that records when it starts and finishes, and ends when the test says so. */
function controlled(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    finish: () => finish(),
    run: async (worker: string) => {
      log.push(`${name}@${worker}`);
      await done;
      log.push(`${name} done`);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('TaskPool lanes', () => {
  it('runs the tasks of one lane one at a time, in order, and other lanes beside them', async () => {
    const pool = new TaskPool(['w1', 'w2']);
    const log: string[] = [];
    const a1 = controlled(log, 'a1');
    const a2 = controlled(log, 'a2');
    const b1 = controlled(log, 'b1');
    pool.submit({ weight: 1, lane: 'a', run: a1.run });
    pool.submit({ weight: 1, lane: 'a', run: a2.run });
    pool.submit({ weight: 1, lane: 'b', run: b1.run });
    await tick();
    // a2 waits for a1 although a worker is free; b1 takes that worker.
    expect(log).toEqual(['a1@w2', 'b1@w1']);
    a1.finish();
    await tick();
    expect(log.slice(2)).toEqual(['a1 done', 'a2@w2']);
    a2.finish();
    b1.finish();
    await pool.drain();
  });

  it('takes tasks without a lane first, then the lane with the most weight still queued', async () => {
    const pool = new TaskPool(['w']);
    const log: string[] = [];
    const blocker = controlled(log, 'blocker');
    pool.submit({ weight: 0, run: blocker.run });
    const small = controlled(log, 'small');
    const big1 = controlled(log, 'big1');
    const big2 = controlled(log, 'big2');
    const free = controlled(log, 'free');
    pool.submit({ weight: 3, lane: 'small', run: small.run });
    pool.submit({ weight: 4, lane: 'big', run: big1.run });
    pool.submit({ weight: 4, lane: 'big', run: big2.run });
    pool.submit({ weight: 0, run: free.run });
    for (const t of [blocker, free, big1, big2, small]) {
      t.finish();
      await tick();
    }
    await pool.drain();
    expect(log.filter((l) => !l.endsWith('done'))).toEqual([
      'blocker@w',
      'free@w',
      'big1@w',
      'big2@w',
      'small@w',
    ]);
  });

  it('drops queued tasks after a failure and rejects drain with it', async () => {
    const pool = new TaskPool(['w']);
    const ran: string[] = [];
    pool.submit({ weight: 1, lane: 'a', run: async () => Promise.reject(new Error('boom')) });
    pool.submit({ weight: 1, lane: 'a', run: async () => void ran.push('later') });
    await expect(pool.drain()).rejects.toThrow('boom');
    expect(ran).toEqual([]);
    expect(pool.error).toBeInstanceOf(Error);
  });
});
