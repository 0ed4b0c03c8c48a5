-- The summary's average tenure is its tenure sum over its move-outs, to the rounding of 2 decimals.
select moveout_month, rent_range, municipality, move_outs, avg_tenure_days, tenure_days_sum
from {{ ref('moveout_summary') }}
where abs(avg_tenure_days * move_outs - tenure_days_sum) > 0.005 * move_outs + 0.000001
