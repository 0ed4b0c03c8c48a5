-- Every contract rent is in a plausible range (0 for staff rooms and free periods, at most 500,000 yen a month
-- for a share-house room) and in the rent band its value says.
select moving_id, rent, rent_range
from {{ ref('new_contracts') }}
where rent < 0
   or rent > 500000
   or rent_range <> {{ rent_range('rent') }}
