-- session-service's copy of the participants it needs (from matching-service's participant events).
create table participant_copy (
    id          uuid primary key,
    tenant      varchar(64)  not null,
    employee_id varchar(64)  not null,
    time_zone   varchar(64)  not null,
    languages   text[]       not null,
    version     bigint       not null,
    updated_at  timestamptz  not null
);
create index participant_copy_tenant on participant_copy (tenant, employee_id);
