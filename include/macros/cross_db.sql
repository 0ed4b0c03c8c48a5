{#- Cross-database macros: one model text runs on MySQL 8.0 / MariaDB and on SQLite.
    Each public macro dispatches to <adapter>__name, then default__name; a project macro of the same name wins.
    The dispatchers output the implementation's text rather than `return()` it as dbt's do: every one of them
    is SQL text, and return() unwinds by an exception, 4% of compiling 5,000 models that call date_trunc. -#}

{% macro datediff(first_date, second_date, datepart='day') -%}
  {{ adapter.dispatch('datediff')(first_date, second_date, datepart) }}
{%- endmacro %}
{% macro mysql__datediff(first_date, second_date, datepart) -%}
  timestampdiff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}
{% macro sqlite__datediff(first_date, second_date, datepart) -%}
  {%- if datepart == 'day' -%}
    cast(julianday(date({{ second_date }})) - julianday(date({{ first_date }})) as integer)
  {%- elif datepart == 'month' -%}
    ((cast(strftime('%Y', {{ second_date }}) as integer) - cast(strftime('%Y', {{ first_date }}) as integer)) * 12
      + cast(strftime('%m', {{ second_date }}) as integer) - cast(strftime('%m', {{ first_date }}) as integer)
      - (strftime('%d%H%M%S', {{ second_date }}) < strftime('%d%H%M%S', {{ first_date }})))
  {%- elif datepart == 'year' -%}
    (cast(strftime('%Y', {{ second_date }}) as integer) - cast(strftime('%Y', {{ first_date }}) as integer)
      - (strftime('%m%d%H%M%S', {{ second_date }}) < strftime('%m%d%H%M%S', {{ first_date }})))
  {%- elif datepart == 'hour' -%}
    cast((julianday({{ second_date }}) - julianday({{ first_date }})) * 24 as integer)
  {%- elif datepart == 'minute' -%}
    cast((julianday({{ second_date }}) - julianday({{ first_date }})) * 1440 as integer)
  {%- elif datepart == 'second' -%}
    cast((julianday({{ second_date }}) - julianday({{ first_date }})) * 86400 as integer)
  {%- else -%}
    {{ exceptions.raise_compiler_error("datediff: unsupported datepart '" ~ datepart ~ "' on sqlite") }}
  {%- endif -%}
{%- endmacro %}

{% macro dateadd(datepart, interval, from_date) -%}
  {{ adapter.dispatch('dateadd')(datepart, interval, from_date) }}
{%- endmacro %}
{% macro mysql__dateadd(datepart, interval, from_date) -%}
  date_add({{ from_date }}, interval ({{ interval }}) {{ datepart }})
{%- endmacro %}
{% macro sqlite__dateadd(datepart, interval, from_date) -%}
  {%- if datepart == 'day' -%}
    date({{ from_date }}, ({{ interval }}) || ' day')
  {%- elif datepart in ['month', 'year'] -%}
    {#- MySQL keeps the day and clamps it to the month's end (Jan 31 + 1 month = Feb 29); SQLite's own
        '+1 month' overflows into March. The earlier of "same day, n months on" and "that month's last day". -#}
    {#- In parentheses: SQLite's || binds tighter than *. -#}
    {%- set months = '((' ~ interval ~ ')' ~ (' * 12' if datepart == 'year' else '') ~ ')' -%}
    min(date({{ from_date }}, 'start of month', {{ months }} || ' month', (cast(strftime('%d', {{ from_date }}) as integer) - 1) || ' day'),
        date({{ from_date }}, 'start of month', ({{ months }} + 1) || ' month', '-1 day'))
  {%- else -%}
    datetime({{ from_date }}, ({{ interval }}) || ' {{ datepart }}')
  {%- endif -%}
{%- endmacro %}

{% macro date_trunc(datepart, date) -%}
  {{ adapter.dispatch('date_trunc')(datepart, date) }}
{%- endmacro %}
{% macro mysql__date_trunc(datepart, date) -%}
  {%- if datepart == 'day' -%} cast({{ date }} as date)
  {%- elif datepart == 'month' -%} cast(date_format({{ date }}, '%Y-%m-01') as date)
  {%- elif datepart == 'year' -%} cast(date_format({{ date }}, '%Y-01-01') as date)
  {%- elif datepart == 'week' -%} date_sub(cast({{ date }} as date), interval weekday({{ date }}) day)
  {%- else -%} {{ exceptions.raise_compiler_error("date_trunc: unsupported datepart '" ~ datepart ~ "'") }}
  {%- endif -%}
{%- endmacro %}
{% macro sqlite__date_trunc(datepart, date) -%}
  {%- if datepart == 'day' -%} date({{ date }})
  {%- elif datepart == 'month' -%} date({{ date }}, 'start of month')
  {%- elif datepart == 'year' -%} date({{ date }}, 'start of year')
  {%- elif datepart == 'week' -%} date({{ date }}, '-' || ((cast(strftime('%w', {{ date }}) as integer) + 6) % 7) || ' days')
  {%- else -%} {{ exceptions.raise_compiler_error("date_trunc: unsupported datepart '" ~ datepart ~ "'") }}
  {%- endif -%}
{%- endmacro %}

{% macro last_day(date, datepart='month') -%}
  {{ adapter.dispatch('last_day')(date, datepart) }}
{%- endmacro %}
{% macro mysql__last_day(date, datepart) -%}
  {%- if datepart == 'month' -%} last_day({{ date }})
  {%- else -%} date_sub(date_add({{ date_trunc(datepart, date) }}, interval 1 {{ datepart }}), interval 1 day)
  {%- endif -%}
{%- endmacro %}
{% macro sqlite__last_day(date, datepart) -%}
  {#- SQLite has 'start of month' and 'start of year' but no 'start of week': a week ends 6 days after its Monday. -#}
  {%- if datepart == 'week' -%} date({{ sqlite__date_trunc('week', date) }}, '+6 days')
  {%- else -%} date({{ date }}, 'start of {{ datepart }}', '+1 {{ datepart }}', '-1 day')
  {%- endif -%}
{%- endmacro %}

{#- Portable type names: integer, bigint, decimal(p,s), float, string/text, date, datetime/timestamp, boolean. -#}
{% macro type_name(type) -%}
  {{ adapter.dispatch('type_name')(type) }}
{%- endmacro %}
{% macro mysql__type_name(type) -%}
  {%- set t = type | lower | trim -%}
  {%- if t in ['integer', 'int', 'bigint', 'boolean', 'bool'] -%} signed
  {%- elif t.startswith('decimal') or t.startswith('numeric') -%} {{ t | replace('numeric', 'decimal') }}
  {%- elif t in ['float', 'double', 'real'] -%} double
  {%- elif t in ['string', 'text', 'varchar'] -%} char
  {%- elif t in ['timestamp', 'datetime'] -%} datetime
  {%- else -%} {{ t }}
  {%- endif -%}
{%- endmacro %}
{% macro sqlite__type_name(type) -%}
  {%- set t = type | lower | trim -%}
  {%- if t in ['integer', 'int', 'bigint', 'boolean', 'bool'] -%} integer
  {%- elif t.startswith('decimal') or t.startswith('numeric') or t in ['float', 'double', 'real'] -%} real
  {%- elif t in ['string', 'text', 'varchar', 'char'] -%} text
  {%- else -%} {{ t }}
  {%- endif -%}
{%- endmacro %}

{% macro cast(expression, type) -%}
  {{ adapter.dispatch('cast')(expression, type) }}
{%- endmacro %}
{% macro default__cast(expression, type) -%}
  cast({{ expression }} as {{ type_name(type) }})
{%- endmacro %}
{% macro sqlite__cast(expression, type) -%}
  {%- set t = type | lower | trim -%}
  {%- if t == 'date' -%} date({{ expression }})
  {%- elif t in ['datetime', 'timestamp'] -%} datetime({{ expression }})
  {#- SQLite has no fixed-point type: round to the scale as MySQL's DECIMAL(p,s) does (12.345 -> 12.35). -#}
  {%- elif (t.startswith('decimal') or t.startswith('numeric')) and ',' in t -%}
    round(cast({{ expression }} as real), {{ t.split(',')[1] | replace(')', '') | trim | int }})
  {%- elif t.startswith('decimal') or t.startswith('numeric') -%} round(cast({{ expression }} as real))
  {%- else -%} cast({{ expression }} as {{ type_name(type) }})
  {%- endif -%}
{%- endmacro %}

{#- safe_cast: NULL instead of an error or a warning when the value does not fit the type.
    MySQL turns CAST warnings into errors inside CREATE TABLE ... SELECT under strict mode, so dates are
    validated by shape and calendar before they are cast. -#}
{% macro safe_cast(expression, type) -%}
  {{ adapter.dispatch('safe_cast')(expression, type) }}
{%- endmacro %}
{% macro mysql__safe_cast(expression, type) -%}
  {%- set t = type | lower | trim -%}
  {%- if t == 'date' -%}
    (case when cast({{ expression }} as char) regexp '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
       and cast(substring(cast({{ expression }} as char), 9, 2) as unsigned)
           <= dayofmonth(last_day(concat(substring(cast({{ expression }} as char), 1, 7), '-01')))
     then cast(substring(cast({{ expression }} as char), 1, 10) as date) end)
  {#- 'signed' and 'double' are what dbt.type_int() and dbt.type_float() give on MySQL. -#}
  {%- elif t in ['integer', 'int', 'bigint', 'signed'] -%}
    (case when trim(cast({{ expression }} as char)) regexp '^-?[0-9]+$' then cast({{ expression }} as signed) end)
  {%- elif t.startswith('decimal') or t in ['float', 'double'] -%}
    (case when trim(cast({{ expression }} as char)) regexp '^-?[0-9]+([.][0-9]+)?$' then cast({{ expression }} as {{ type_name(type) }}) end)
  {%- else -%} cast({{ expression }} as {{ type_name(type) }})
  {%- endif -%}
{%- endmacro %}
{#- SQLite's CAST reads the leading number and ignores the rest ('12abc' -> 12, 'abc' -> 0): the text is
    checked against MySQL's patterns first (^-?[0-9]+$, ^-?[0-9]+([.][0-9]+)?$), with GLOB, which has no
    repetition: "an optional minus, then only digits" and "at most one dot, with digits on both sides". -#}
{% macro sqlite__safe_cast(expression, type) -%}
  {%- set t = type | lower | trim -%}
  {%- set text = 'trim(cast(' ~ expression ~ ' as text))' -%}
  {%- set unsigned = "(case when substr(" ~ text ~ ", 1, 1) = '-' then substr(" ~ text ~ ", 2) else " ~ text ~ " end)" -%}
  {%- if t == 'date' -%}
    (case when date(substr({{ expression }}, 1, 10)) = substr({{ expression }}, 1, 10) then date(substr({{ expression }}, 1, 10)) end)
  {%- elif t in ['integer', 'int', 'bigint'] -%}
    (case when {{ unsigned }} <> '' and {{ unsigned }} not glob '*[^0-9]*' then cast({{ expression }} as integer) end)
  {%- elif t.startswith('decimal') or t.startswith('numeric') or t in ['float', 'double', 'real'] -%}
    (case when {{ unsigned }} not glob '*[^0-9.]*' and {{ unsigned }} glob '[0-9]*' and {{ unsigned }} glob '*[0-9]'
       and {{ unsigned }} not glob '*.*.*' then {{ sqlite__cast(expression, type) }} end)
  {%- else -%} {{ sqlite__cast(expression, type) }}
  {%- endif -%}
{%- endmacro %}

{% macro concat(fields) -%}
  {{ adapter.dispatch('concat')(fields) }}
{%- endmacro %}
{% macro mysql__concat(fields) -%} concat({{ fields | join(', ') }}) {%- endmacro %}
{% macro sqlite__concat(fields) -%} ({{ fields | join(' || ') }}) {%- endmacro %}

{% macro current_timestamp() -%} current_timestamp {%- endmacro %}

{#- Full years between two dates (a birthday not yet reached this year does not count). -#}
{% macro age_in_years(birth_date, as_of) -%}
  {{ adapter.dispatch('age_in_years')(birth_date, as_of) }}
{%- endmacro %}
{% macro mysql__age_in_years(birth_date, as_of) -%}
  timestampdiff(year, {{ birth_date }}, {{ as_of }})
{%- endmacro %}
{% macro sqlite__age_in_years(birth_date, as_of) -%}
  (cast(strftime('%Y', {{ as_of }}) as integer) - cast(strftime('%Y', {{ birth_date }}) as integer)
    {#- With the time of day, as MySQL's timestampdiff: a year is not full until the birth's time is reached. -#}
    - (strftime('%m-%d %H:%M:%f', {{ as_of }}) < strftime('%m-%d %H:%M:%f', {{ birth_date }})))
{%- endmacro %}

{% macro hash(field) -%}
  {{ adapter.dispatch('hash')(field) }}
{%- endmacro %}
{% macro mysql__hash(field) -%} md5(cast({{ field }} as char)) {%- endmacro %}
{% macro sqlite__hash(field) -%} md5(cast({{ field }} as text)) {%- endmacro %}

{#- dbt's date_spine(datepart, start_date, end_date): one row per datepart from start_date up to, not
    including, end_date, in a column named date_<datepart>. No recursion: MySQL 8 stops recursive CTEs at
    cte_max_recursion_depth (1000). Up to 100,000 steps. -#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {%- if datepart not in ['day', 'week', 'month', 'year', 'hour'] -%}
    {{ exceptions.raise_compiler_error("date_spine(datepart, start_date, end_date): datepart must be day, week, month, year or hour, got '" ~ datepart ~ "' (the arguments are in dbt's order)") }}
  {%- endif -%}
  {#- A week is 7 days: SQLite's date modifiers have no weeks. -#}
  {%- set step = 'day' if datepart == 'week' else datepart -%}
  {%- set per = 7 if datepart == 'week' else 1 -%}
  select date_{{ datepart }} from (
    select {{ dateadd(step, per ~ ' * tb_n.n', start_date) }} as date_{{ datepart }}
    from (
      select d0.n + 10 * d1.n + 100 * d2.n + 1000 * d3.n + 10000 * d4.n as n
      from {% for i in range(5) %}(select 0 as n union all select 1 union all select 2 union all select 3 union all select 4
            union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) d{{ i }}
            {%- if not loop.last %} cross join {% endif %}{% endfor %}
    ) tb_n
    where tb_n.n <= {{ datediff(start_date, end_date, step) }} / {{ per }}
  ) tb_spine
  where date_{{ datepart }} < {{ end_date }}
{%- endmacro %}

{#- dbt's type macros (`cast(x as {{ dbt.type_string() }})`), in the names each engine's CAST accepts. -#}
{% macro type_string() -%} {{ type_name('string') }} {%- endmacro %}
{% macro type_int() -%} {{ type_name('integer') }} {%- endmacro %}
{% macro type_bigint() -%} {{ type_name('bigint') }} {%- endmacro %}
{% macro type_float() -%} {{ type_name('float') }} {%- endmacro %}
{% macro type_numeric() -%} {{ type_name('decimal(28,6)') }} {%- endmacro %}
{% macro type_boolean() -%} {{ type_name('boolean') }} {%- endmacro %}
{% macro type_timestamp() -%} {{ adapter.dispatch('type_timestamp')() }} {%- endmacro %}
{% macro default__type_timestamp() -%} datetime {%- endmacro %}
{#- SQLite keeps timestamps as ISO text; `cast(x as timestamp)` would give it numeric affinity (2024). -#}
{% macro sqlite__type_timestamp() -%} text {%- endmacro %}
