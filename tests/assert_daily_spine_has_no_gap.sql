-- The date spine has no gap: from its first date through D, every date, each with exactly one row per tenant
-- type; and the first date has some activity (the spine starts at the first date with any).
with spine as (
    select
        min(activity_date) as first_date,
        max(activity_date) as last_date,
        count(distinct activity_date) as dates,
        count(*) as row_count
    from {{ ref('daily_activity_summary') }}
),
types as (
    select count(distinct tenant_type) as n from {{ ref('tenant_types') }}
),
first_day as (
    select sum(inquiries + applications + contracts_signed + move_ins + move_outs) as activity
    from {{ ref('daily_activity_summary') }}
    where activity_date = (select first_date from spine)
)
select s.first_date, s.last_date, s.dates, s.row_count, f.activity as first_day_activity
from spine s
cross join types t
cross join first_day f
where s.last_date <> {{ as_of_date() }}
   or s.dates <> {{ days_between('s.first_date', 's.last_date') }} + 1
   or s.row_count <> s.dates * t.n
   or coalesce(f.activity, 0) = 0
