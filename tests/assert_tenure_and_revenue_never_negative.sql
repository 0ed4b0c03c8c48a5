-- Tenure, revenue and notice days are never negative, and a stay's revenue is its rent x days x 12 / 365
-- rounded (within one yen of the float figure).
select moving_id, tenure_days, total_revenue, notice_days, rent
from {{ ref('moveouts') }}
where tenure_days < 0
   or total_revenue < 0
   or notice_days < 0
   or abs(total_revenue - rent * tenure_days * 12.0 / 365) > 1
