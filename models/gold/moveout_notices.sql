{{ config(indexes=[
    {'columns': ['moving_id'], 'unique': True},
    {'columns': ['moveout_notice_date']},
    {'columns': ['municipality']},
    {'columns': ['tenant_type']}
]) }}
-- One row per valid contract whose move-out notice falls in the 24 months ending at D: after D minus 24 months
-- (the day clamped to the month's end, as MySQL's DATE_SUB), up to and including D (rule 15).
select
    moving_id,
    tenant_id,
    tenant_type,
    movein_date,
    moveout_notice_date,
    moveout_plan_date,
    moveout_date,
    case when moveout_plan_date is not null
         then {{ days_between('moveout_notice_date', 'moveout_plan_date') }} end as advance_notice_days,
    case when moveout_date is not null and moveout_date <= {{ as_of_date() }}
         then 'Moved out' else 'Pending' end as notice_status,
    reason,
    reason_category,
    rent,
    rent_range,
    apartment_id,
    apartment_name,
    municipality,
    room_id
from {{ ref('int_contracts') }}
where is_valid_contract = 1
  and moveout_notice_date > {{ months_before(as_of_date(), 24) }}
  and moveout_notice_date <= {{ as_of_date() }}
