{#- `date` minus n months, the day clamped to the end of the month (MySQL DATE_SUB semantics, rule 15).
    SQLite's date(d, '-24 months') rolls 29 February over into 1 March, so take the earlier of it and the
    last day of the target month. -#}
{% macro months_before(date, months) -%}
  {{ return(adapter.dispatch('months_before')(date, months)) }}
{%- endmacro %}
{% macro mysql__months_before(date, months) -%}
  date_sub({{ date }}, interval {{ months }} month)
{%- endmacro %}
{% macro sqlite__months_before(date, months) -%}
  min(date({{ date }}, '-{{ months }} months'),
      date({{ date }}, 'start of month', '-{{ months }} months', '+1 month', '-1 day'))
{%- endmacro %}

{#- 'YYYY-MM' of a date. -#}
{% macro year_month(date) -%}
  {{ return(adapter.dispatch('year_month')(date)) }}
{%- endmacro %}
{% macro mysql__year_month(date) -%}
  date_format({{ date }}, '%Y-%m')
{%- endmacro %}
{% macro sqlite__year_month(date) -%}
  strftime('%Y-%m', {{ date }})
{%- endmacro %}

{#- The integers 0 .. 10^digits - 1 as column `n`, without recursion (MySQL 8 stops recursive CTEs at
    cte_max_recursion_depth, 1000). Five digits cover 273 years of days. -#}
{% macro integers(digits=5) -%}
  select {% for i in range(digits) %}d{{ i }}.n * {{ 10 ** i }}{% if not loop.last %} + {% endif %}{% endfor %} as n
  from {% for i in range(digits) -%}
    (select 0 as n union all select 1 union all select 2 union all select 3 union all select 4 union all select 5
     union all select 6 union all select 7 union all select 8 union all select 9) d{{ i }}
    {%- if not loop.last %} cross join {% endif %}
  {%- endfor %}
{%- endmacro %}
