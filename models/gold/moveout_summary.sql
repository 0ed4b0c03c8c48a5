{{ config(indexes=[
    {'columns': ['moveout_month']},
    {'columns': ['municipality']},
    {'columns': ['rent_range']}
]) }}
-- One row per (move-out month, rent range, municipality); a NULL municipality (deleted or missing apartment)
-- is a group of its own (rule 17). total_revenue sums the rows' rounded revenues; the average tenure is rounded
-- to 2 decimals, half away from zero, exactly in integers. tenure_days_sum lets dashboards re-aggregate.
select
    moveout_month,
    rent_range,
    municipality,
    count(*) as move_outs,
    {{ avg_2dp('sum(tenure_days)', 'count(*)') }} as avg_tenure_days,
    sum(tenure_days) as tenure_days_sum,
    sum(total_revenue) as total_revenue
from {{ ref('moveout_analysis') }}
group by moveout_month, rent_range, municipality
