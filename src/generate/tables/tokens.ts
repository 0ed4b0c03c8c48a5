/** Random tokens as web frameworks make them: ids, remember tokens, password hashes. */
import type { Rng } from '../prng';

const B64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function token(rng: Rng, n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

export function bcryptLike(rng: Rng): string {
  return `$2y$10$${token(rng, 53, B64)}`;
}
