/** Companies that lease rooms for their staff (tenant types 2 and 3). */
import type { Rng } from '../prng';
import type { Corporate } from './types';

const STEMS: readonly (readonly [string, string])[] = [
  ['テクノ', 'Techno'],
  ['グローバル', 'Global'],
  ['サクラ', 'Sakura'],
  ['フューチャー', 'Future'],
  ['ネクスト', 'Next'],
  ['アジア', 'Asia'],
  ['東京', 'Tokyo'],
  ['日本', 'Nihon'],
  ['ブルー', 'Blue'],
  ['スマート', 'Smart'],
  ['リンク', 'Link'],
  ['クラウド', 'Cloud'],
  ['大和', 'Yamato'],
  ['富士', 'Fuji'],
  ['オーシャン', 'Ocean'],
  ['ライズ', 'Rise'],
];
const TAILS: readonly (readonly [string, string])[] = [
  ['システムズ', 'Systems'],
  ['ソリューションズ', 'Solutions'],
  ['商事', 'Trading'],
  ['物産', 'Bussan'],
  ['エンジニアリング', 'Engineering'],
  ['ホールディングス', 'Holdings'],
  ['ネットワークス', 'Networks'],
  ['ロジスティクス', 'Logistics'],
  ['フーズ', 'Foods'],
  ['人材サービス', 'Staffing'],
];

export function buildCorporates(rng: Rng, n: number): Corporate[] {
  return Array.from({ length: n }, (_, i) => {
    const [s1, e1] = rng.pick(STEMS);
    const [s2, e2] = rng.pick(TAILS);
    const before = rng.chance(0.5);
    const suffix = i >= STEMS.length * TAILS.length ? String(i) : '';
    return {
      id: i + 1,
      name: before ? `株式会社${s1}${s2}${suffix}` : `${s1}${s2}${suffix}株式会社`,
      nameEn: `${e1} ${e2}${suffix} ${rng.pick(['Co., Ltd.', 'Inc.', 'K.K.'])}`,
    };
  });
}
