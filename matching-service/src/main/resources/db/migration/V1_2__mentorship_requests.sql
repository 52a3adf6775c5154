-- Mentorship requests: a mentee asks a mentor (or a committed matching run asks on the mentee's behalf).
-- The request id becomes the partnership id when accepted, so one pair's whole story shares one key.
create table mentorship_request (
    id              uuid primary key,
    tenant          varchar(64)  not null,
    mentee_id       uuid         not null references participant (id),
    mentor_id       uuid         not null references participant (id),
    state           varchar(16)  not null,
    origin          varchar(16)  not null,
    matching_run_id uuid references matching_run (id),
    message         varchar(2000),
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    decided_at      timestamptz,
    version         bigint       not null default 0
);
create unique index mentorship_request_one_open_per_pair on mentorship_request (tenant, mentee_id, mentor_id) where state = 'OPEN';
create index mentorship_request_open_by_mentor on mentorship_request (tenant, mentor_id) where state = 'OPEN';
create index mentorship_request_open_by_mentee on mentorship_request (tenant, mentee_id) where state = 'OPEN';
