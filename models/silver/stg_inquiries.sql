{{ config(indexes=[
    {'columns': ['inquiry_id'], 'unique': True}
]) }}
-- One row per inquiry that is not soft-deleted (rule 1). The inquiry's date is the calendar date of its
-- DATETIME as written (Tokyo wall clock, rule 3); a zero datetime is NULL. The web form sends inquirer_type 0
-- when left empty: NULL and unmapped types count as Individual (rule 6).
-- The inquirer's name, e-mail, phone and message are personal data and stay in staging.
select
    q.id as inquiry_id,
    {{ clean_datetime('q.inquiry_date') }} as inquired_at,
    {{ clean_date('q.inquiry_date') }} as inquiry_date,
    q.channel as channel_code,
    ch.code as channel,
    q.inquirer_type,
    coalesce(tt.tenant_type, 'Individual') as tenant_type,
    q.apartment_id,
    {{ nationality_key('q.nationality') }} as nationality_key,
    coalesce(n.country_name, 'Unknown') as country_name,
    coalesce(n.region, 'Unknown') as region,
    q.gender_type,
    coalesce(g.gender, 'Unknown') as gender,
    {{ clean_date('q.desired_movein_date') }} as desired_movein_date,
    q.budget,
    q.status as status_code,
    q.moving_id,
    {{ clean_datetime('q.created_at') }} as created_at,
    {{ clean_datetime('q.updated_at') }} as updated_at
from {{ source('pms', 'inquiries') }} q
left join {{ ref('tenant_types') }} tt on tt.moving_agreement_type = q.inquirer_type
left join {{ ref('nationalities') }} n on n.nationality_variant = {{ exact_text(nationality_key('q.nationality')) }}
left join {{ ref('gender_codes') }} g on g.gender_type = q.gender_type
-- channels are decoded by the PMS's own table, not by a seed
left join {{ source('pms', 'inquiry_channels') }} ch on ch.id = q.channel
where q.deleted_at is null
