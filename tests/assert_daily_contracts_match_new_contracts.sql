-- The daily contracts add up to the rows of new_contracts, per tenant type.
with daily as (
    select tenant_type, sum(contracts_signed) as n
    from {{ ref('daily_activity_summary') }}
    group by tenant_type
),
gold as (
    select tenant_type, count(*) as n
    from {{ ref('new_contracts') }}
    group by tenant_type
)
select d.tenant_type, d.n as daily_contracts, coalesce(g.n, 0) as new_contracts_rows
from daily d
left join gold g on g.tenant_type = d.tenant_type
where d.n <> coalesce(g.n, 0)
union all
select g.tenant_type, null, g.n
from gold g
where not exists (select 1 from daily d where d.tenant_type = g.tenant_type)
