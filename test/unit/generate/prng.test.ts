import { Rng, WeightedPicker, hash01 } from '../../../src/generate/prng';

describe('Rng', () => {
  it('gives the same stream for the same seed and name, another for another name', () => {
    const a = new Rng(7, 'x');
    const b = new Rng(7, 'x');
    const c = new Rng(7, 'y');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const r = new Rng(1, 'bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('samples k distinct sorted indices', () => {
    const r = new Rng(3, 's');
    const s = r.sample(100, 40);
    expect(s).toHaveLength(40);
    expect(new Set(s).size).toBe(40);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(Math.max(...s)).toBeLessThan(100);
    expect(r.sample(5, 9)).toEqual([0, 1, 2, 3, 4]);
  });

  it('picks by weight', () => {
    const r = new Rng(5, 'w');
    const p = new WeightedPicker<string>([
      ['a', 9],
      ['b', 1],
      ['never', 0],
    ]);
    const n = { a: 0, b: 0, never: 0 } as Record<string, number>;
    for (let i = 0; i < 5000; i++) n[p.pick(r)]++;
    expect(n.never).toBe(0);
    expect(n.a / 5000).toBeGreaterThan(0.85);
    expect(n.a / 5000).toBeLessThan(0.95);
  });

  it('hash01 is a pure function of seed, stream and index', () => {
    expect(hash01(1, 'a', 5)).toBe(hash01(1, 'a', 5));
    expect(hash01(1, 'a', 5)).not.toBe(hash01(1, 'a', 6));
    expect(hash01(2, 'a', 5)).not.toBe(hash01(1, 'a', 5));
  });
});
