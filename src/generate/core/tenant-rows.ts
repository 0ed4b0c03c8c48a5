/**
 * Rows of `tenants`: names in three scripts, dirty birth dates, nationality typed every which
 * way, memos with everything in them, zero datetimes and soft deletes.
 */
import type { Rng } from '../prng';
import type { World } from '../model/world';
import type { Person } from '../model/types';
import { NATIONALITY_UNMAPPED } from '../nationalities';
import { personName, emailOf, phoneOf } from '../names';
import type { SqlValue } from '../sql/escape';
import { TENANTS } from './core-specs';
import { rowOf, ZERO_DATE, ZERO_DATETIME } from './stamp';
import type { Stamper } from './stamp';
import { chooseDirty } from './dirt-ledger';
import type { DirtLedger } from './dirt-ledger';
import { SPECIAL_KINDS, messyText, staffNote } from './texts';
import { movingStateAt } from './moving-state';

const SCHOOLS = [
  '早稲田大学',
  '東京大学',
  '上智大学',
  'ISI日本語学校',
  'KCP地球市民日本語学校',
  'ARC東京日本語学校',
  '新宿日本語学校',
  '明治大学',
  'Temple University Japan',
];
const VISAS: Readonly<Record<number, string>> = {
  1: '留学',
  2: '留学',
  3: '特定活動(ワーキングホリデー)',
  4: '技術・人文知識・国際業務',
  5: '経営・管理',
  6: '家族滞在',
  7: '教授',
  8: '特定活動',
  9: '短期滞在',
};

export function* tenantRows(rng: Rng, world: World, st: Stamper, ledger: DirtLedger): Generator<SqlValue[]> {
  const { asOfDay, dirt } = world.opts;
  const n = world.tenants.length;
  const idx = world.tenants.map((_, i) => i);
  const lastDay = new Array<number>(n).fill(0);
  for (const t of world.tenancies)
    lastDay[t.tenantIndex] = Math.max(lastDay[t.tenantIndex], movingStateAt(t, asOfDay).lastDay);
  const birth = birthDirt(rng, ledger, dirt.badBirthDate, idx);
  const unmapped = chooseDirty(rng, ledger, 'tenants.nationality_unmapped', dirt.unmappedNationality, n, idx);
  const messyNat = chooseDirty(
    rng,
    ledger,
    'tenants.nationality_messy',
    dirt.messyNationality,
    n,
    idx.filter((i) => !unmapped.has(i)),
  );
  const memos = [...chooseDirty(rng, ledger, 'tenants.memo_messy', dirt.messyText, n, idx)];
  const memoForce = new Map(
    memos.map((i, k) => [i, k < SPECIAL_KINDS.length ? SPECIAL_KINDS[k] : undefined]),
  );
  const zero = chooseDirty(rng, ledger, 'tenants.zero_datetimes', dirt.zeroDates, n, idx);
  const deleted = chooseDirty(rng, ledger, 'tenants.soft_deleted', dirt.softDeleted, n, idx);
  for (const [i, tp] of world.tenants.entries()) {
    const p = tp.person;
    const name = personName(rng, p.country, p.gender ?? 1);
    const b = birth.get(i);
    let memo: string | null = rng.chance(0.35) ? staffNote(rng) : rng.chance(0.1) ? '' : null;
    if (memoForce.has(i)) {
      const m = messyText(rng, memo || staffNote(rng), memoForce.get(i));
      memo = m.text;
      for (const k of m.kinds) ledger.add(`text.${k}`);
    }
    const updatedDay = Math.max(tp.firstApplicationDay, lastDay[i]);
    yield rowOf(TENANTS, {
      id: i + 1,
      name_kanji: name.script,
      name_kana: name.kana,
      name_romaji: name.romaji,
      gender_type: p.gender,
      birth_date: b !== undefined ? b(p.birthDay) : st.day(p.birthDay),
      nationality: unmapped.has(i)
        ? unmappedValue(rng)
        : messyNat.has(i)
          ? messyForm(rng, p.nationality)
          : p.nationality,
      affiliation_type: p.occupation,
      affiliation_name: affiliation(rng, p, world),
      corporate_id: p.corporateId,
      email: rng.chance(0.97) ? emailOf(rng, name.romaji, i + 1) : null,
      tel: rng.chance(0.9) ? phoneOf(rng) : null,
      visa_type: p.country === 'JP' ? null : rng.chance(0.9) ? VISAS[p.occupation ?? 9] : null,
      residence_card_no: p.country === 'JP' || rng.chance(0.15) ? null : residenceCard(rng),
      memo,
      created_at: zero.has(i) ? ZERO_DATETIME : st.at(tp.firstApplicationDay, tp.firstApplicationSec),
      updated_at: st.at(updatedDay, rng.int(9 * 3600, 21 * 3600)),
      deleted_at: deleted.has(i)
        ? st.at(Math.min(asOfDay, updatedDay + rng.int(0, 200)), rng.int(9 * 3600, 21 * 3600))
        : null,
    });
  }
}

type BirthWriter = (birthDay: number) => string | null;

/** NULL, 0000-00-00, the 1900-01-01 sentinel, or a year typed a century late (after D). */
function birthDirt(
  rng: Rng,
  ledger: DirtLedger,
  rate: number,
  idx: readonly number[],
): Map<number, BirthWriter> {
  const chosen = [...chooseDirty(rng, ledger, 'tenants.birth_date_bad', rate, idx.length, idx)];
  const kinds: readonly (readonly [string, BirthWriter])[] = [
    ['tenants.birth_date_null', () => null],
    ['tenants.birth_date_zero', () => ZERO_DATE],
    ['tenants.birth_date_1900', () => '1900-01-01'],
    ['tenants.birth_date_after_as_of', (day) => centuryLate(day)],
  ];
  const out = new Map<number, BirthWriter>();
  kinds.forEach(([k]) => ledger.declare(k));
  chosen.forEach((i, j) => {
    const [kind, write] = kinds[j % kinds.length];
    ledger.add(kind);
    out.set(i, write);
  });
  return out;
}

function centuryLate(day: number): string {
  const d = new Date(day * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() + 100);
  return d.toISOString().slice(0, 10);
}

function unmappedValue(rng: Rng): string | null {
  return rng.chance(0.3) ? null : rng.pick(NATIONALITY_UNMAPPED);
}

/** Odd case and stray spaces; only ASCII letters change case (SQLite's LOWER folds only ASCII). */
function messyForm(rng: Rng, form: string | null): string | null {
  if (form === null) return null;
  const x = rng.float();
  const cased =
    x < 0.3
      ? form.replace(/[a-z]/g, (c) => c.toUpperCase())
      : x < 0.6
        ? form.replace(/[A-Z]/g, (c) => c.toLowerCase())
        : form;
  const out = rng.pick(['', ' ', '  ']) + cased + rng.pick(['', ' ', ' ', '   ']);
  return out === form ? ` ${form}` : out;
}

function affiliation(rng: Rng, p: Person, world: World): string | null {
  if (p.corporateId !== null) return world.corporates[p.corporateId - 1]?.name ?? null;
  if (p.occupation === 1 || p.occupation === 2) return rng.pick(SCHOOLS);
  return null;
}

function residenceCard(rng: Rng): string {
  const L = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const letters = (k: number) => Array.from({ length: k }, () => L[rng.int(0, L.length - 1)]).join('');
  return `${letters(2)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}${letters(2)}`;
}
