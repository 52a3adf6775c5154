-- Programs as feedback-service learns them from mentoring.program.v1: their state, who runs them (by the employee id
-- of their sign-in), who is enrolled (the funnel's first step), and the partnerships and requests of each (from
-- mentoring.partnership.v1). The partnerships copied before this release keep program_id null until their next event
-- names their program: they count for the tenant and its tenant-wide admins, never for a program's.
create table program_copy (
    id          uuid primary key,
    tenant      varchar(64) not null,
    state       varchar(16) not null,
    general     boolean     not null default false,
    state_at    timestamptz,
    updated_at  timestamptz not null
);
create index program_copy_tenant on program_copy (tenant, id);

-- Who runs a program, as the latest assignment or unassignment says (assigned false: a tombstone, so that an older
-- assignment replayed late changes nothing).
create table program_admin_copy (
    tenant       varchar(64) not null,
    program_id   uuid        not null,
    employee_id  varchar(64) not null,
    assigned     boolean     not null,
    changed_at   timestamptz not null,
    primary key (tenant, program_id, employee_id)
);
create index program_admin_copy_by_person on program_admin_copy (tenant, employee_id) where assigned;

create table enrolment_copy (
    id              uuid primary key,
    tenant          varchar(64) not null,
    program_id      uuid        not null,
    participant_id  uuid        not null,
    role            varchar(8)  not null,
    state           varchar(16) not null,
    enrolled_at     timestamptz,
    changed_at      timestamptz not null
);
create index enrolment_copy_by_program on enrolment_copy (tenant, program_id, role);

create table request_copy (
    id            uuid primary key,
    tenant        varchar(64) not null,
    program_id    uuid,
    mentee_id     uuid        not null,
    requested_at  timestamptz not null
);
create index request_copy_by_program on request_copy (tenant, program_id);

alter table partnership_copy add column program_id uuid;
create index partnership_copy_by_program on partnership_copy (tenant, program_id);

-- A program's own feedback settings (evaluation interval, health thresholds), as JSON like tenant_settings; a program
-- without a row has the tenant's.
create table program_settings (
    program_id  uuid primary key,
    tenant      varchar(64) not null,
    settings    jsonb       not null,
    updated_at  timestamptz not null,
    version     bigint      not null
);
