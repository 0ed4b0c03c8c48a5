{{ config(indexes=[
    {'columns': ['moving_id'], 'unique': True},
    {'columns': ['moveout_date']},
    {'columns': ['municipality']},
    {'columns': ['tenant_type']}
]) }}
-- Exactly the rows of moveouts, banded for slicing: rent range, age group at move-out and tenure bucket
-- (a month is 30 days, a year 365; rule 16).
select
    moving_id,
    tenant_type,
    movein_date,
    moveout_date,
    {{ year_month('moveout_date') }} as moveout_month,
    tenure_days,
    {{ tenure_bucket('tenure_days') }} as tenure_bucket,
    rent,
    {{ rent_range('rent') }} as rent_range,
    total_revenue,
    age_at_moveout,
    {{ age_group('age_at_moveout') }} as age_group,
    gender,
    nationality,
    region,
    occupation_category,
    reason,
    reason_category,
    notice_days,
    apartment_id,
    municipality
from {{ ref('moveouts') }}
