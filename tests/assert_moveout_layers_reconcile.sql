-- moveout_analysis holds exactly the rows of moveouts, and moveout_summary adds up to them: rows, tenure and
-- revenue.
with m as (
    select count(*) as n, coalesce(sum(tenure_days), 0) as tenure, coalesce(sum(total_revenue), 0) as revenue
    from {{ ref('moveouts') }}
),
a as (
    select count(*) as n, coalesce(sum(tenure_days), 0) as tenure, coalesce(sum(total_revenue), 0) as revenue
    from {{ ref('moveout_analysis') }}
),
s as (
    select coalesce(sum(move_outs), 0) as n, coalesce(sum(tenure_days_sum), 0) as tenure,
           coalesce(sum(total_revenue), 0) as revenue
    from {{ ref('moveout_summary') }}
)
select m.n as moveouts, a.n as analysis, s.n as summary,
       m.tenure as moveouts_tenure, s.tenure as summary_tenure,
       m.revenue as moveouts_revenue, s.revenue as summary_revenue
from m cross join a cross join s
where m.n <> a.n or m.n <> s.n
   or m.tenure <> a.tenure or m.tenure <> s.tenure
   or m.revenue <> a.revenue or m.revenue <> s.revenue
