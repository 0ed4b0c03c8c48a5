-- Nothing after D is counted: contracts signed, move-outs and notices all lie on or before D; a move-out is
-- never before its move-in; notices lie after D minus 24 months.
select 'new_contracts' as model, moving_id
from {{ ref('new_contracts') }}
where contract_date > {{ as_of_date() }}
union all
select 'moveouts', moving_id
from {{ ref('moveouts') }}
where moveout_date > {{ as_of_date() }} or moveout_date < movein_date
union all
select 'moveout_notices', moving_id
from {{ ref('moveout_notices') }}
where moveout_notice_date > {{ as_of_date() }}
   or moveout_notice_date <= {{ months_before(as_of_date(), 24) }}
