{{ config(indexes=[
    {'columns': ['moving_id'], 'unique': True},
    {'columns': ['moveout_date']},
    {'columns': ['municipality']},
    {'columns': ['tenant_type']}
]) }}
-- One row per valid contract that moved out on or before D, with a move-in date and not before it (rule 14).
-- Demographics are taken at the move-out date.
with stays as (
    select
        c.*,
        {{ age_in_years('c.birth_date', 'c.moveout_date') }} as age_at_moveout
    from {{ ref('int_contracts') }} c
    where c.is_valid_contract = 1
      and c.tenure_days is not null      -- movein_date and moveout_date known, out not before in
      and c.moveout_date <= {{ as_of_date() }}
)

select
    moving_id,
    tenant_id,
    tenant_type,
    movein_date,
    moveout_notice_date,
    moveout_plan_date,
    moveout_date,
    tenure_days,
    rent,
    -- round(rent x tenure_days x 12 / 365), exactly, in integers
    {{ stay_revenue('rent', 'tenure_days') }} as total_revenue,
    moveout_reason,
    reason,
    reason_category,
    case when moveout_notice_date is not null
         then {{ days_between('moveout_notice_date', 'moveout_date') }} end as notice_days,
    gender,
    age_at_moveout,
    country_name as nationality,
    region,
    occupation,
    occupation_category,
    apartment_id,
    apartment_name,
    municipality,
    room_id,
    room_number
from stays
