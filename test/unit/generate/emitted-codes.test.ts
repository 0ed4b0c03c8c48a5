import { resolveOptions } from '../../../src/generate/options';
import { buildWorld } from '../../../src/generate/model/world';
import { Rng } from '../../../src/generate/prng';
import { Stamper } from '../../../src/generate/core/stamp';
import { DirtLedger } from '../../../src/generate/core/dirt-ledger';
import { tenantRows } from '../../../src/generate/core/tenant-rows';
import { inquiryRows } from '../../../src/generate/core/inquiry-rows';
import { planMovings, movingRows } from '../../../src/generate/core/moving-rows';
import { TENANTS, MOVINGS, INQUIRIES } from '../../../src/generate/core/core-specs';
import { columnIndex } from '../../../src/generate/sql/table-spec';
import type { TableSpec } from '../../../src/generate/sql/table-spec';
import type { SqlValue } from '../../../src/generate/sql/escape';
import {
  GENDERS,
  AGREEMENT_TYPES,
  MOVING_STATUSES,
  MOVEOUT_REASONS,
  OCCUPATIONS,
  NATIONALITY_UNMAPPED,
  nationalityVariants,
} from '../../../src/generate/codes';

/** Distinct values of a column over generated rows. */
function distinct(
  spec: TableSpec,
  rows: Iterable<SqlValue[]>,
  ...columns: string[]
): Map<string, Set<SqlValue>> {
  const out = new Map(columns.map((c) => [c, new Set<SqlValue>()]));
  const idx = columns.map((c) => columnIndex(spec, c));
  for (const r of rows) columns.forEach((c, i) => out.get(c)?.add(r[idx[i]]));
  return out;
}

describe('every code the generator emits is decoded by a seed', () => {
  const opts = resolveOptions({
    scale: 0.05,
    seed: 9,
    asOf: '2026-02-05',
    outDir: '/unused',
    dirt: { 'messy-nationality': 0.5 },
  });
  const world = buildWorld(opts);
  const st = new Stamper(opts.asOfDay);
  const ledger = new DirtLedger();
  const plan = planMovings(new Rng(9, 'm'), world, st, ledger);
  const tenants = distinct(
    TENANTS,
    tenantRows(new Rng(9, 't'), world, st, ledger),
    'gender_type',
    'affiliation_type',
    'nationality',
  );
  const movings = distinct(
    MOVINGS,
    movingRows(plan, new Rng(9, 'r'), st, opts.asOfDay, 10),
    'moving_agreement_type',
    'status',
    'moveout_reason',
  );
  const inquiries = distinct(
    INQUIRIES,
    inquiryRows(new Rng(9, 'i'), world, st, ledger, plan.idOf),
    'inquirer_type',
    'gender_type',
    'nationality',
  );
  const codes = <T extends { code: number }>(list: readonly T[]) =>
    new Set<SqlValue>([...list.map((x) => x.code), null]);

  it('genders, occupations, tenant types, statuses and move-out reasons', () => {
    const sub = (a: Set<SqlValue> | undefined, b: Set<SqlValue>) => [...(a ?? [])].filter((v) => !b.has(v));
    expect(sub(tenants.get('gender_type'), codes(GENDERS))).toEqual([]);
    expect(sub(inquiries.get('gender_type'), codes(GENDERS))).toEqual([]);
    expect(sub(tenants.get('affiliation_type'), codes(OCCUPATIONS))).toEqual([]);
    expect(sub(movings.get('moving_agreement_type'), new Set(AGREEMENT_TYPES.map((a) => a.code)))).toEqual(
      [],
    );
    expect(sub(movings.get('status'), new Set(MOVING_STATUSES.map((s) => s.code)))).toEqual([]);
    expect(sub(movings.get('moveout_reason'), codes(MOVEOUT_REASONS))).toEqual([]);
    // Inquiry forms leave the type empty (NULL) or send 0: deliberately unmapped, counted as Individual.
    expect(
      sub(
        inquiries.get('inquirer_type'),
        new Set<SqlValue>([...AGREEMENT_TYPES.map((a) => a.code), null, 0]),
      ),
    ).toEqual([]);
  });

  it('nationalities, after trim and lower-case, except the deliberately unmapped ones', () => {
    const known = new Set(nationalityVariants().map((v) => v.variant));
    const unmapped = new Set(NATIONALITY_UNMAPPED.map((u) => u.trim().toLowerCase()));
    for (const col of [tenants.get('nationality'), inquiries.get('nationality')]) {
      const stray = [...(col ?? [])].filter(
        (v) =>
          v !== null &&
          !known.has(String(v).trim().toLowerCase()) &&
          !unmapped.has(String(v).trim().toLowerCase()),
      );
      expect(stray).toEqual([]);
    }
    // Padding and odd case really occur.
    expect([...(tenants.get('nationality') ?? [])].some((v) => typeof v === 'string' && v !== v.trim())).toBe(
      true,
    );
  });
});
