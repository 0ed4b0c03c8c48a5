{#- Layers are schemas: `+schema: gold` builds in `gold` itself; without one, the target's schema.
    A project's own generate_schema_name macro replaces this rule. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none or custom_schema_name == '' -%}{{ target.schema }}
  {%- else -%}{{ custom_schema_name | trim }}
  {%- endif -%}
{%- endmacro %}

{% macro generate_alias_name(custom_alias_name, node) -%}
  {%- if custom_alias_name is none or custom_alias_name == '' -%}{{ node.name }}
  {%- else -%}{{ custom_alias_name | trim }}
  {%- endif -%}
{%- endmacro %}
