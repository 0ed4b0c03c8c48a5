-- One row per share house that is not soft-deleted; coordinates of 0 mean "not geocoded" and become NULL.
select
    id as apartment_id,
    name as apartment_name,
    name_en as apartment_name_en,
    postal_code,
    prefecture,
    trim(municipality) as municipality,
    address,
    case when latitude = 0 then null else latitude end as latitude,
    case when longitude = 0 then null else longitude end as longitude,
    total_rooms,
    status
from {{ source('pms', 'apartments') }}
where deleted_at is null
