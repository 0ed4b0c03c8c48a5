-- Dirt-rate guard for duplicate movings (0.7% expected): live staging movings that silver dropped as stale
-- copies. Fails when more than max(10 rows, 2% of live movings) were dropped.
with live as (
    select count(*) as n from {{ source('pms', 'movings') }} where deleted_at is null
),
kept as (
    select count(*) as n from {{ ref('stg_movings') }}
)
select live.n as live_movings, kept.n as kept_movings, live.n - kept.n as dropped_duplicates
from live cross join kept
where live.n - kept.n > 10 and live.n - kept.n > 0.02 * live.n
