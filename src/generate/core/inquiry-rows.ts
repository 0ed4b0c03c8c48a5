/** Rows of `inquiries`: a few with a zero `inquiry_date`, messy messages, soft deletes. */
import type { Rng } from '../prng';
import type { World } from '../model/world';
import type { Tenancy } from '../model/types';
import { personName, emailOf, phoneOf } from '../names';
import type { SqlValue } from '../sql/escape';
import { INQUIRIES } from './core-specs';
import { rowOf, ZERO_DATETIME } from './stamp';
import type { Stamper } from './stamp';
import { chooseDirty } from './dirt-ledger';
import type { DirtLedger } from './dirt-ledger';
import { SPECIAL_KINDS, messyText, prospectMessage } from './texts';

export function* inquiryRows(
  rng: Rng,
  world: World,
  st: Stamper,
  ledger: DirtLedger,
  movingIdOf: ReadonlyMap<Tenancy, number>,
): Generator<SqlValue[]> {
  const { asOfDay, dirt } = world.opts;
  const idx = world.inquiries.map((_, i) => i);
  const n = idx.length;
  const zero = chooseDirty(rng, ledger, 'inquiries.zero_datetimes', dirt.zeroDates, n, idx);
  const messy = [...chooseDirty(rng, ledger, 'inquiries.message_messy', dirt.messyText, n, idx)];
  const force = new Map(messy.map((i, k) => [i, k < SPECIAL_KINDS.length ? SPECIAL_KINDS[k] : undefined]));
  const deleted = chooseDirty(rng, ledger, 'inquiries.soft_deleted', dirt.softDeleted, n, idx);
  for (const [i, q] of world.inquiries.entries()) {
    const p = q.person;
    const name = personName(rng, p.country, p.gender ?? 1);
    let message: string | null = rng.chance(0.6) ? prospectMessage(rng) : null;
    if (force.has(i)) {
      const m = messyText(rng, message ?? prospectMessage(rng), force.get(i));
      message = m.text;
      for (const k of m.kinds) ledger.add(`text.${k}`);
    }
    const createdAt = st.at(q.day, q.sec);
    const updatedDay = Math.min(asOfDay, q.day + rng.int(0, 20));
    yield rowOf(INQUIRIES, {
      id: i + 1,
      inquiry_date: zero.has(i) ? ZERO_DATETIME : createdAt,
      channel: q.channel,
      inquirer_type: q.inquirerType,
      apartment_id: q.apartmentId,
      name: name.script ?? name.romaji,
      email: rng.chance(0.85) ? emailOf(rng, name.romaji, i) : null,
      tel: rng.chance(0.35) ? phoneOf(rng) : null,
      nationality: p.nationality,
      gender_type: p.gender,
      desired_movein_date: st.day(q.tenancy ? q.tenancy.moveinDay : q.day + rng.int(7, 75)),
      budget: rng.chance(0.5) ? rng.int(4, 10) * 10000 : null,
      message,
      status: q.status,
      moving_id: q.tenancy ? (movingIdOf.get(q.tenancy) ?? null) : null,
      created_at: createdAt,
      updated_at: st.at(
        updatedDay,
        updatedDay === q.day ? Math.min(86_399, q.sec + 1800) : rng.int(32400, 72000),
      ),
      deleted_at: deleted.has(i) ? st.at(updatedDay, rng.int(32400, 72000)) : null,
    });
  }
}
