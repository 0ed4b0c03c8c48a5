-- D must be known: from --vars as_of, or from the newest successful load in tb_load_log. Without it every gold
-- table would be silently empty. Fails with one row when D is NULL.
select 'as_of is unknown: pass --vars as_of or load a dump with tb load' as problem
from (select {{ as_of_date() }} as as_of) d
where d.as_of is null
