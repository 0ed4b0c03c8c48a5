{#- The gold bands (rule 18; tenure: rule 16), lower bound inclusive. Plain CASE: the same on every engine. -#}
{% macro rent_range(rent) -%}
  (case when {{ rent }} < 50000 then '<50k'
        when {{ rent }} < 60000 then '50-60k'
        when {{ rent }} < 70000 then '60-70k'
        when {{ rent }} < 80000 then '70-80k'
        when {{ rent }} < 100000 then '80-100k'
        else '100k+' end)
{%- endmacro %}

{% macro age_group(age) -%}
  (case when {{ age }} is null then 'Unknown'
        when {{ age }} < 20 then '<20'
        when {{ age }} < 25 then '20-24'
        when {{ age }} < 30 then '25-29'
        when {{ age }} < 35 then '30-34'
        when {{ age }} < 40 then '35-39'
        when {{ age }} < 50 then '40-49'
        else '50+' end)
{%- endmacro %}

{#- A month is 30 days, a year 365. -#}
{% macro tenure_bucket(days) -%}
  (case when {{ days }} < 90 then '<3m'
        when {{ days }} < 180 then '3-6m'
        when {{ days }} < 365 then '6-12m'
        when {{ days }} < 730 then '1-2y'
        else '2y+' end)
{%- endmacro %}

