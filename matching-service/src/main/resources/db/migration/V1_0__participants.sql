-- Participants: people of one tenant who mentor, are mentored, or both.
create table participant (
    id           uuid primary key,
    tenant       varchar(64)  not null,
    employee_id  varchar(64)  not null,
    subject      varchar(255),
    display_name varchar(120) not null,
    time_zone    varchar(64)  not null,
    languages    text[]       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0,
    constraint participant_employee_unique unique (tenant, employee_id)
);
