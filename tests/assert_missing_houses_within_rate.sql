-- Dirt-rate guard for movings whose house is deleted or missing (the operator deletes closed or small houses:
-- 2.5% of houses expected). Counted in houses, not movings: one deleted house out of the two of a tiny dump
-- holds half its movings, but is still one house. Fails when more than max(1, 5%) of the houses the movings
-- name are gone.
with houses as (
    select apartment_id, max(has_apartment) as present
    from {{ ref('int_contracts') }}
    group by apartment_id
)
select sum(case when present = 0 then 1 else 0 end) as missing_houses, count(*) as houses
from houses
having sum(case when present = 0 then 1 else 0 end) > 1
   and sum(case when present = 0 then 1 else 0 end) > 0.05 * count(*)
