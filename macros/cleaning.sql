{#- Silver cleaning rules (docs/domain-rules.md rules 2 and 3), one text for every engine. -#}

{#- A DATE (or the date part of a DATETIME): NULL when '0000-00-00', not a real calendar date, or before
    1900-01-02 (the 1900-01-01 sentinel). safe_cast validates shape and calendar before it casts, because MySQL
    strict mode turns a CAST warning into an error inside CREATE TABLE ... SELECT. -#}
{% macro clean_date(expression) -%}
  (case when {{ safe_cast(expression, 'date') }} >= {{ cast("'1900-01-02'", 'date') }}
        then {{ safe_cast(expression, 'date') }} end)
{%- endmacro %}

{#- A DATETIME kept as it is (Tokyo wall clock, no time-zone shift) when its date part is clean; else NULL. -#}
{% macro clean_datetime(expression) -%}
  (case when {{ clean_date(expression) }} is not null then {{ expression }} end)
{%- endmacro %}

{#- Latitude/longitude: 0 means "not geocoded" (rule 9). -#}
{% macro zero_to_null(expression) -%}
  (case when {{ expression }} = 0 then null else {{ expression }} end)
{%- endmacro %}

{#- Trimmed (spaces only, as MySQL TRIM and SQLite trim do by default) and lower-cased nationality, the key of
    seeds/nationalities.csv (rule 8). -#}
{% macro nationality_key(expression) -%}
  lower(trim({{ expression }}))
{%- endmacro %}

{#- Text compared byte for byte on every engine. The dump's columns carry the server's collation
    (utf8mb4_0900_ai_ci, mapped on MariaDB) and the seeds the schema's, so MySQL refuses to compare them
    (error 1267, illegal mix of collations) unless one side is explicit; binary is also what SQLite does. -#}
{% macro exact_text(expression) -%}
  {{ return(adapter.dispatch('exact_text')(expression)) }}
{%- endmacro %}
{% macro mysql__exact_text(expression) -%}
  ({{ expression }} collate utf8mb4_bin)
{%- endmacro %}
{% macro default__exact_text(expression) -%}
  {{ expression }}
{%- endmacro %}
