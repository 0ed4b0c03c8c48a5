/**
 * The six code-mapping seeds of the project (seeds/*.csv), rendered from codes.ts so that what the
 * generator emits and what the seeds decode never drift apart (a unit test compares the files).
 */
import {
  GENDERS,
  AGREEMENT_TYPES,
  MOVING_STATUSES,
  MOVEOUT_REASONS,
  OCCUPATIONS,
  nationalityVariants,
} from './codes';

type Cell = string | number;

function csvCell(v: Cell): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** File name (under seeds/) → CSV text. */
export function renderSeeds(): Readonly<Record<string, string>> {
  return {
    'gender_codes.csv': csv(
      ['gender_type', 'gender', 'gender_ja'],
      GENDERS.map((g) => [g.code, g.gender, g.genderJa]),
    ),
    'tenant_types.csv': csv(
      ['moving_agreement_type', 'tenant_type', 'agreement_name', 'agreement_name_ja'],
      AGREEMENT_TYPES.map((a) => [a.code, a.tenantType, a.agreement, a.agreementJa]),
    ),
    'moving_statuses.csv': csv(
      ['status_code', 'status', 'status_ja', 'is_valid_contract'],
      MOVING_STATUSES.map((m) => [m.code, m.status, m.statusJa, m.isValidContract]),
    ),
    'moveout_reasons.csv': csv(
      ['moveout_reason', 'reason', 'reason_ja', 'reason_category'],
      MOVEOUT_REASONS.map((r) => [r.code, r.reason, r.reasonJa, r.category]),
    ),
    'occupations.csv': csv(
      ['affiliation_type', 'occupation', 'occupation_ja', 'occupation_category'],
      OCCUPATIONS.map((o) => [o.code, o.occupation, o.occupationJa, o.category]),
    ),
    'nationalities.csv': csv(
      ['nationality_variant', 'country_code', 'country_name', 'country_name_ja', 'region'],
      nationalityVariants().map((v) => [
        v.variant,
        v.country.code,
        v.country.name,
        v.country.nameJa,
        v.country.region,
      ]),
    ),
  };
}
