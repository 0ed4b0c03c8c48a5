{#- Layers are literal schemas (staging, silver, gold, seeds). TB_SCHEMA_PREFIX, empty in production, is put in
    front of every custom schema so that test runs on a shared server stay apart (tbana_<random>_gold, ...).
    A node without a custom schema stays in the target's own schema, unprefixed. -#}
{% macro schema_prefix() -%}
  {{ return(env_var('TB_SCHEMA_PREFIX', '') | trim) }}
{%- endmacro %}

{% macro generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none or custom_schema_name == '' -%}{{ target.schema }}
  {%- else -%}{{ schema_prefix() }}{{ custom_schema_name | trim }}
  {%- endif -%}
{%- endmacro %}
