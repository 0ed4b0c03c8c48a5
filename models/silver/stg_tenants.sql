{{ config(indexes=[
    {'columns': ['tenant_id'], 'unique': True}
]) }}
-- One row per tenant that is not soft-deleted (rule 1), codes decoded through the seeds.
-- Personal data (names, e-mail, phone, residence card, memo) is deliberately not carried into silver:
-- no dashboard needs it, and silver is read by more people than the PMS.
with tenants as (
    select
        id as tenant_id,
        gender_type,
        -- rule 2: zero dates, impossible dates and the 1900-01-01 sentinel are NULL ...
        {{ clean_date('birth_date') }} as birth_date_clean,
        nationality as nationality_raw,
        {{ nationality_key('nationality') }} as nationality_key,
        affiliation_type,
        corporate_id,
        {{ clean_datetime('created_at') }} as created_at,
        {{ clean_datetime('updated_at') }} as updated_at
    from {{ source('pms', 'tenants') }}
    where deleted_at is null
)

select
    t.tenant_id,
    t.gender_type,
    coalesce(g.gender, 'Unknown') as gender,
    -- ... and so is a birth date after D (a century-late typo).
    case when t.birth_date_clean <= {{ as_of_date() }} then t.birth_date_clean end as birth_date,
    t.nationality_raw,
    t.nationality_key,
    n.country_code,
    coalesce(n.country_name, 'Unknown') as country_name,
    coalesce(n.region, 'Unknown') as region,
    t.affiliation_type,
    coalesce(o.occupation, 'Unknown') as occupation,
    coalesce(o.occupation_category, 'Unknown') as occupation_category,
    t.corporate_id,
    t.created_at,
    t.updated_at
from tenants t
left join {{ ref('gender_codes') }} g on g.gender_type = t.gender_type
-- rule 8: no two seed variants are equal under any engine's collation, so this join never fans out.
left join {{ ref('nationalities') }} n on n.nationality_variant = {{ exact_text('t.nationality_key') }}
left join {{ ref('occupations') }} o on o.affiliation_type = t.affiliation_type
