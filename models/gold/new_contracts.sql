{{ config(indexes=[
    {'columns': ['moving_id'], 'unique': True},
    {'columns': ['contract_date']},
    {'columns': ['movein_date']},
    {'columns': ['municipality']},
    {'columns': ['tenant_type']}
]) }}
-- One row per valid contract signed on or before D (rule 13): who signed, for which room, at what rent.
-- Age is taken at the contract date (rule 10).
with contracts as (
    select
        c.*,
        {{ age_in_years('c.birth_date', 'c.contract_date') }} as age_at_contract
    from {{ ref('int_contracts') }} c
    where c.is_valid_contract = 1
      and c.contract_date <= {{ as_of_date() }}
)

select
    moving_id,
    tenant_id,
    application_date,
    contract_date,
    movein_date,
    tenant_type,
    agreement_name,
    status,
    gender,
    age_at_contract,
    {{ age_group('age_at_contract') }} as age_group,
    country_code,
    country_name as nationality,
    region,
    occupation,
    occupation_category,
    apartment_id,
    apartment_name,
    municipality,
    latitude,
    longitude,
    room_id,
    room_number,
    rent,
    rent_range
from contracts
