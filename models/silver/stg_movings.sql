{{ config(indexes=[
    {'columns': ['moving_id'], 'unique': True},
    {'columns': ['tenant_id']},
    {'columns': ['room_id']}
]) }}
-- One row per surviving moving (contract), codes decoded through the seeds.
--   1. soft-deleted rows are dropped first (rule 1);
--   2. dates are cleaned (rule 2);
--   3. duplicates - the same raw tenant_id, room_id and cleaned, non-NULL movein_date entered twice - keep the
--      row with the latest updated_at (a zero updated_at is the oldest), ties to the highest id (rule 4).
--      Movings without a move-in date are never duplicates.
with movings as (
    select
        id as moving_id,
        tenant_id,
        room_id,
        apartment_id,
        moving_agreement_type,
        {{ clean_date('application_date') }} as application_date,
        {{ clean_date('contract_date') }} as contract_date,
        {{ clean_date('movein_date') }} as movein_date,
        {{ clean_date('contract_end_date') }} as contract_end_date,
        {{ clean_date('moveout_notice_date') }} as moveout_notice_date,
        {{ clean_date('moveout_plan_date') }} as moveout_plan_date,
        {{ clean_date('moveout_date') }} as moveout_date,
        coalesce(rent, 0) as rent,
        common_fee,
        deposit,
        moveout_reason,
        status as status_code,
        {{ clean_datetime('created_at') }} as created_at,
        {{ clean_datetime('updated_at') }} as updated_at
    from {{ source('pms', 'movings') }}
    where deleted_at is null
),

ranked as (
    select
        m.*,
        case when m.movein_date is null then 1
             else row_number() over (
                 partition by m.tenant_id, m.room_id, m.movein_date
                 order by case when m.updated_at is null then 1 else 0 end, m.updated_at desc, m.moving_id desc)
        end as copy_rank
    from movings m
)

select
    m.moving_id,
    m.tenant_id,
    m.room_id,
    m.apartment_id,
    m.moving_agreement_type,
    -- rule 6: 1 Individual, 2 and 3 Corporate; a code missing from the seed counts as Individual.
    coalesce(tt.tenant_type, 'Individual') as tenant_type,
    tt.agreement_name,
    m.application_date,
    m.contract_date,
    m.movein_date,
    m.contract_end_date,
    m.moveout_notice_date,
    m.moveout_plan_date,
    m.moveout_date,
    m.rent,
    m.common_fee,
    m.deposit,
    m.moveout_reason,
    -- rule 14: a NULL or unmapped reason is Unknown.
    coalesce(r.reason, 'Unknown') as reason,
    coalesce(r.reason_category, 'Unknown') as reason_category,
    m.status_code,
    coalesce(s.status, 'Unknown') as status,
    -- rule 5: a contract date and a status that is not rejected or cancelled (a status missing from the seed
    -- would count as valid).
    case when m.contract_date is not null and coalesce(s.is_valid_contract, 1) = 1 then 1 else 0 end
        as is_valid_contract,
    m.created_at,
    m.updated_at
from ranked m
left join {{ ref('tenant_types') }} tt on tt.moving_agreement_type = m.moving_agreement_type
left join {{ ref('moveout_reasons') }} r on r.moveout_reason = m.moveout_reason
left join {{ ref('moving_statuses') }} s on s.status_code = m.status_code
where m.copy_rank = 1
