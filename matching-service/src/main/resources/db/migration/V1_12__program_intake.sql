-- The intake of an enrolment (the journey's first step, self-reflection): a mentee's strengths, areas to develop, hopes,
-- SMART goals, and how often and how they would like to meet; a mentor's offer and their places in this program.
-- Written by the person; read by them and the program's admins; erased with the person.
create table program_intake (
    enrolment_id         uuid primary key references program_enrolment (id),
    tenant               varchar(64)   not null,
    program_id           uuid          not null references program (id),
    participant_id       uuid          not null references participant (id),
    role                 varchar(8)    not null,
    strengths            text[]        not null default '{}',
    areas_to_develop     text[]        not null default '{}',
    hopes                varchar(1000),
    -- the SMART goals as the JSON text of an array of {statement, measure, target, why, dueDate}
    goals                text          not null default '[]',
    preferred_frequency  varchar(16),
    preferred_mode       varchar(16),
    offers               text[]        not null default '{}',
    capacity             int,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index program_intake_by_participant on program_intake (tenant, participant_id);
create index program_intake_by_program on program_intake (program_id, role);
