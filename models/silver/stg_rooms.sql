{{ config(indexes=[
    {'columns': ['room_id'], 'unique': True}
]) }}
-- One row per room that is not soft-deleted (rule 1). `rent` here is the room's current list rent; contracts
-- carry the rent they were signed at (stg_movings.rent, rule 11).
select
    id as room_id,
    apartment_id,
    room_number,
    floor,
    area_m2,
    rent as list_rent,
    common_fee,
    room_type,
    capacity,
    status as status_code,
    {{ clean_datetime('created_at') }} as created_at,
    {{ clean_datetime('updated_at') }} as updated_at
from {{ source('pms', 'rooms') }}
where deleted_at is null
