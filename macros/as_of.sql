{#- The as-of date D of every gold table, as a SQL date expression (DATE on MySQL, 'YYYY-MM-DD' text on SQLite).

    `--vars '{as_of: 2026-02-05}'` fixes it. Without it (production), D is the dump date `tb load` recorded for
    the newest successful load of the staging schema in `tb_load_log` (the target's default schema): the run
    after a load needs no hand-set date, and a re-run of an older dump stays as of that dump. -#}
{% macro as_of_date() -%}
  {%- set v = var('as_of', none) -%}
  {%- if v is not none and (v ~ '') | trim != '' -%}
    {%- set d = (v ~ '') | trim -%}
    {%- if d | length != 10 or d[4] != '-' or d[7] != '-' -%}
      {{ exceptions.raise_compiler_error("var 'as_of' must be a date YYYY-MM-DD, got '" ~ d ~ "'") }}
    {%- endif -%}
    {{ cast("'" ~ d ~ "'", 'date') }}
  {%- else -%}
    {{ as_of_from_load_log() }}
  {%- endif -%}
{%- endmacro %}

{#- The dump date of the newest successful load into `<prefix>staging`. NULL when there is none: the singular
    test assert_as_of_known then fails loudly instead of gold being silently empty. -#}
{% macro as_of_from_load_log() -%}
  (select {{ cast('tb_l.dump_date', 'date') }}
   from {{ adapter.quote(target.schema) }}.tb_load_log tb_l
   where tb_l.status = 'success' and tb_l.target_schema = '{{ schema_prefix() }}staging'
   order by tb_l.finished_at desc, tb_l.started_at desc
   limit 1)
{%- endmacro %}
