{{ config(indexes=[
    {'columns': ['apartment_id'], 'unique': True}
]) }}
-- One row per share house that is not soft-deleted (rule 1). Coordinates of 0 mean "never geocoded" and
-- become NULL (rule 9). The municipality is kept as written: it is what dashboards group by.
select
    id as apartment_id,
    name as apartment_name,
    name_en as apartment_name_en,
    postal_code,
    prefecture,
    municipality,
    address,
    {{ zero_to_null('latitude') }} as latitude,
    {{ zero_to_null('longitude') }} as longitude,
    total_rooms,
    {{ clean_date('opened_on') }} as opened_on,
    {{ clean_date('closed_on') }} as closed_on,
    status as status_code,
    {{ clean_datetime('created_at') }} as created_at,
    {{ clean_datetime('updated_at') }} as updated_at
from {{ source('pms', 'apartments') }}
where deleted_at is null
