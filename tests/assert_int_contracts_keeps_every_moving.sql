-- Joins never drop a moving (rule 7): int_contracts has exactly the rows of stg_movings.
-- (Anti-joins as LEFT JOIN ... IS NULL: SQLite indexes a join on the fly, not a correlated NOT EXISTS.)
select m.moving_id as moving_id, 'missing from int_contracts' as problem
from {{ ref('stg_movings') }} m
left join {{ ref('int_contracts') }} c on c.moving_id = m.moving_id
where c.moving_id is null
union all
select c.moving_id, 'not in stg_movings'
from {{ ref('int_contracts') }} c
left join {{ ref('stg_movings') }} m on m.moving_id = c.moving_id
where m.moving_id is null
