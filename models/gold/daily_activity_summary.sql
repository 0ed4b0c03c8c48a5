{{ config(indexes=[
    {'columns': ['activity_date', 'tenant_type'], 'unique': True},
    {'columns': ['tenant_type']}
]) }}
-- One row per calendar date from the first date with any activity through D, times each tenant type, zeros
-- included (rule 12). Nothing after D is counted; NULL dates never count.
with events as (
    select inquiry_date as activity_date, tenant_type, 1 as inquiries, 0 as applications,
           0 as contracts_signed, 0 as move_ins, 0 as move_outs
    from {{ ref('stg_inquiries') }}
    where inquiry_date <= {{ as_of_date() }}

    union all
    -- applications: every surviving de-duplicated moving, whatever its status
    select application_date, tenant_type, 0, 1, 0, 0, 0
    from {{ ref('stg_movings') }}
    where application_date <= {{ as_of_date() }}

    union all
    select contract_date, tenant_type, 0, 0, 1, 0, 0
    from {{ ref('int_contracts') }}
    where is_valid_contract = 1 and contract_date <= {{ as_of_date() }}

    union all
    select movein_date, tenant_type, 0, 0, 0, 1, 0
    from {{ ref('int_contracts') }}
    where is_valid_contract = 1 and movein_date <= {{ as_of_date() }}

    union all
    -- a move-out counts only with a move-in date and not before it (tenure_days is set exactly then)
    select moveout_date, tenant_type, 0, 0, 0, 0, 1
    from {{ ref('int_contracts') }}
    where is_valid_contract = 1 and tenure_days is not null and moveout_date <= {{ as_of_date() }}
),

daily as (
    select activity_date, tenant_type,
           sum(inquiries) as inquiries, sum(applications) as applications,
           sum(contracts_signed) as contracts_signed, sum(move_ins) as move_ins, sum(move_outs) as move_outs
    from events
    group by activity_date, tenant_type
),

bounds as (
    select min(activity_date) as first_date, {{ as_of_date() }} as last_date
    from events
),

-- every date from the first event through D; bounds is one row, so the spine is computed once
spine as (
    select {{ dateadd('day', 'i.n', 'b.first_date') }} as date_day
    from bounds b
    cross join ({{ integers(5) }}) i
    where i.n <= {{ days_between('b.first_date', 'b.last_date') }}
),

tenant_types as (
    select distinct tenant_type from {{ ref('tenant_types') }}
)

select
    s.date_day as activity_date,
    t.tenant_type,
    coalesce(d.inquiries, 0) as inquiries,
    coalesce(d.applications, 0) as applications,
    coalesce(d.contracts_signed, 0) as contracts_signed,
    coalesce(d.move_ins, 0) as move_ins,
    coalesce(d.move_outs, 0) as move_outs
from spine s
cross join tenant_types t
left join daily d on d.activity_date = s.date_day and d.tenant_type = t.tenant_type
