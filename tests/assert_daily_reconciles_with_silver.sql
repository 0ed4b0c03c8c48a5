-- The other daily counts reconcile with silver: inquiries, applications and move-ins on or before D.
with daily as (
    select sum(inquiries) as inquiries, sum(applications) as applications, sum(move_ins) as move_ins
    from {{ ref('daily_activity_summary') }}
),
silver as (
    select
        (select count(*) from {{ ref('stg_inquiries') }} where inquiry_date <= {{ as_of_date() }}) as inquiries,
        (select count(*) from {{ ref('stg_movings') }} where application_date <= {{ as_of_date() }}) as applications,
        (select count(*) from {{ ref('int_contracts') }}
         where is_valid_contract = 1 and movein_date <= {{ as_of_date() }}) as move_ins
)
select d.inquiries, s.inquiries as silver_inquiries, d.applications, s.applications as silver_applications,
       d.move_ins, s.move_ins as silver_move_ins
from daily d
cross join silver s
where d.inquiries <> s.inquiries or d.applications <> s.applications or d.move_ins <> s.move_ins
