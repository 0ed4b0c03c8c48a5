-- No birth date survives silver that rule 2 cleans away: none before 1900-01-02 and none after D.
select tenant_id, birth_date
from {{ ref('stg_tenants') }}
where birth_date < {{ cast("'1900-01-02'", 'date') }}
   or birth_date > {{ as_of_date() }}
