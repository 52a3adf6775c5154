-- Programs: a tenant's mentoring happens in programs (a graduate program, a leadership cohort), each with its dates,
-- its people and its own limits. Every tenant has one general program (general = true) that everyone with a mentoring
-- role belongs to, as before programs existed; requests, partnerships and matching runs made before belong to it.
create table program (
    id                   uuid primary key,
    tenant               varchar(64)  not null,
    name                 varchar(120) not null,
    purpose              varchar(2000),
    focus_skills         text[]       not null default '{}',
    general              boolean      not null default false,
    joining              varchar(16)  not null,
    state                varchar(16)  not null,
    enrolment_opens_on   date,
    enrolment_closes_on  date,
    starts_on            date,
    ends_on              date,
    max_open_requests    int,
    max_active_mentors   int,
    request_expiry_days  int,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    closed_at            timestamptz,
    version              bigint       not null default 0
);
create unique index program_name_per_tenant on program (tenant, lower(name));
create unique index program_one_general_per_tenant on program (tenant) where general;
create index program_tenant_state on program (tenant, state, id);

-- Who is in a program, as mentor or mentee (a person may be both, in different programs or even in one):
-- APPLIED (waiting for an admin), ENROLLED, DECLINED (an application refused), LEFT. The general program keeps no rows.
create table program_enrolment (
    id              uuid primary key,
    tenant          varchar(64)  not null,
    program_id      uuid         not null references program (id),
    participant_id  uuid         not null references participant (id),
    role            varchar(8)   not null,
    state           varchar(16)  not null,
    created_at      timestamptz  not null,
    changed_at      timestamptz  not null,
    version         bigint       not null default 0,
    unique (program_id, participant_id, role)
);
create index program_enrolment_by_participant on program_enrolment (tenant, participant_id, state);
create index program_enrolment_page on program_enrolment (program_id, role, state, id);

-- The people (by the employee id their sign-in token carries) who run one program; the tenant's program-admin role
-- runs them all.
create table program_admin (
    program_id   uuid        not null references program (id),
    tenant       varchar(64) not null,
    employee_id  varchar(64) not null,
    assigned_at  timestamptz not null,
    primary key (program_id, employee_id)
);
create index program_admin_by_person on program_admin (tenant, employee_id);

alter table mentorship_request add column program_id uuid references program (id);
alter table partnership add column program_id uuid references program (id);
alter table matching_run add column program_id uuid references program (id);

-- every tenant with data gets its general program, and what it has moves into it
insert into program (id, tenant, name, general, joining, state, created_at, updated_at)
select gen_random_uuid(), tenant, 'General', true, 'OPEN', 'RUNNING', now(), now()
from (select tenant from participant union select tenant from mentorship_request union select tenant from matching_run) tenants;

update mentorship_request r set program_id = p.id from program p where p.tenant = r.tenant and p.general;
update partnership x set program_id = p.id from program p where p.tenant = x.tenant and p.general;
update matching_run m set program_id = p.id from program p where p.tenant = m.tenant and p.general;

create index mentorship_request_program on mentorship_request (program_id, state);
create index partnership_program_running on partnership (program_id) where state in ('ACTIVE', 'PAUSED');
