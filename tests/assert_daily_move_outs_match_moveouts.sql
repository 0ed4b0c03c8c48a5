-- The daily move-outs add up to the rows of moveouts, per tenant type.
with daily as (
    select tenant_type, sum(move_outs) as n
    from {{ ref('daily_activity_summary') }}
    group by tenant_type
),
gold as (
    select tenant_type, count(*) as n
    from {{ ref('moveouts') }}
    group by tenant_type
)
select d.tenant_type, d.n as daily_move_outs, coalesce(g.n, 0) as moveouts_rows
from daily d
left join gold g on g.tenant_type = d.tenant_type
where d.n <> coalesce(g.n, 0)
union all
select g.tenant_type, null, g.n
from gold g
where not exists (select 1 from daily d where d.tenant_type = g.tenant_type)
