{#- The project's generic tests. Each returns the failing rows; zero rows is a pass. -#}

{#- The combination of columns is a key: no two rows share it (NULL is a value of its own, as in GROUP BY). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
select {{ combination_of_columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Every row satisfies a boolean SQL expression (a NULL result passes, as in a CHECK constraint). -#}
{% test expression_is_true(model, expression, column_name=none) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}

{#- A column's values lie in [min_value, max_value] (NULLs are not checked). -#}
{% test in_range(model, column_name, min_value, max_value) %}
select {{ column_name }} as out_of_range, count(*) as n_records
from {{ model }}
where {{ column_name }} < {{ min_value }} or {{ column_name }} > {{ max_value }}
group by {{ column_name }}
{% endtest %}

{#- The dirt-rate guard. The dirt itself is reported row by row by a warn-severity test next to this one; this
    test fails (one row) only when the dirty rows exceed their expected share: more than
    max(allowed_rows, max_rate x rows). allowed_rows absorbs the small-number noise of small dumps (one deleted
    house out of five is 20% of the movings); at production scale the rate decides. -#}
{% test dirt_rate(model, dirt, max_rate, allowed_rows=0) %}
select dirty_rows, total_rows, {{ max_rate }} as max_rate, {{ allowed_rows }} as allowed_rows
from (
    select sum(case when {{ dirt }} then 1 else 0 end) as dirty_rows, count(*) as total_rows
    from {{ model }}
) tb_dirt
where dirty_rows > {{ allowed_rows }} and dirty_rows > {{ max_rate }} * total_rows
{% endtest %}
