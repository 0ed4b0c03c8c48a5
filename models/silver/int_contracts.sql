{{ config(indexes=[
    {'columns': ['moving_id'], 'unique': True},
    {'columns': ['apartment_id']}
]) }}
-- The denormalized contract fact: one row per surviving moving (stg_movings), joined to its tenant, room and
-- apartment. Joins never drop a moving (rule 7): a missing or deleted tenant, room or apartment leaves NULL
-- attributes (age Unknown, country and region Unknown, municipality NULL); the has_* flags say which.
-- The apartment comes from movings.apartment_id, not through the room.
select
    m.moving_id,
    m.tenant_id,
    m.room_id,
    m.apartment_id,
    m.tenant_type,
    m.moving_agreement_type,
    m.agreement_name,
    m.status_code,
    m.status,
    m.is_valid_contract,
    m.application_date,
    m.contract_date,
    m.movein_date,
    m.contract_end_date,
    m.moveout_notice_date,
    m.moveout_plan_date,
    m.moveout_date,
    -- A stay that counts as a move-out once its date is reached: both dates known, out not before in (rule 14).
    case when m.movein_date is not null and m.moveout_date >= m.movein_date
         then {{ days_between('m.movein_date', 'm.moveout_date') }} end as tenure_days,
    m.rent,
    {{ rent_range('m.rent') }} as rent_range,
    m.common_fee,
    m.deposit,
    m.moveout_reason,
    m.reason,
    m.reason_category,
    case when t.tenant_id is not null then 1 else 0 end as has_tenant,
    t.gender,
    t.birth_date,
    t.country_code,
    coalesce(t.country_name, 'Unknown') as country_name,
    coalesce(t.region, 'Unknown') as region,
    t.occupation,
    t.occupation_category,
    case when r.room_id is not null then 1 else 0 end as has_room,
    r.room_number,
    r.room_type,
    r.area_m2,
    case when a.apartment_id is not null then 1 else 0 end as has_apartment,
    a.apartment_name,
    a.apartment_name_en,
    a.prefecture,
    a.municipality,
    a.latitude,
    a.longitude
from {{ ref('stg_movings') }} m
left join {{ ref('stg_tenants') }} t on t.tenant_id = m.tenant_id
left join {{ ref('stg_rooms') }} r on r.room_id = m.room_id
left join {{ ref('stg_apartments') }} a on a.apartment_id = m.apartment_id
