{#- Integer division of non-negative integers: MySQL `DIV`, SQLite `/` on two integers. -#}
{% macro int_div(numerator, denominator) -%}
  {{ return(adapter.dispatch('int_div')(numerator, denominator)) }}
{%- endmacro %}
{% macro mysql__int_div(numerator, denominator) -%}
  (({{ numerator }}) div ({{ denominator }}))
{%- endmacro %}
{% macro default__int_div(numerator, denominator) -%}
  (cast({{ numerator }} as integer) / cast({{ denominator }} as integer))
{%- endmacro %}

{#- Days from one date to another (a same-day span is 0). -#}
{% macro days_between(from_date, to_date) -%}
  {{ datediff(from_date, to_date, 'day') }}
{%- endmacro %}

{#- round(rent x days x 12 / 365), half away from zero, exactly in integers (rule 14). -#}
{% macro stay_revenue(rent, days) -%}
  {{ int_div('24 * (' ~ rent ~ ') * (' ~ days ~ ') + 365', '730') }}
{%- endmacro %}

{#- An average rounded to 2 decimals, half away from zero, exactly (rule 17): (200 * sum + n) DIV (2 * n) / 100. -#}
{% macro avg_2dp(total, n) -%}
  {{ cast(int_div('200 * (' ~ total ~ ') + (' ~ n ~ ')', '2 * (' ~ n ~ ')') ~ ' / 100.0', 'decimal(12,2)') }}
{%- endmacro %}
