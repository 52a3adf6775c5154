-- Mentorship requests answered by the mentor, and the partnerships accepted requests become.
alter table mentorship_request
    add column decline_reason  varchar(32),
    add column decline_message varchar(2000);

-- A partnership has the id of the request it came from, so one pair's whole story shares one key.
create table partnership (
    id               uuid primary key,
    tenant           varchar(64)  not null,
    mentee_id        uuid         not null references participant (id),
    mentor_id        uuid         not null references participant (id),
    state            varchar(16)  not null,
    cadence          varchar(16),
    started_at       timestamptz  not null,
    ended_at         timestamptz,
    end_reason       varchar(32),
    end_note         varchar(2000),
    thank_you        varchar(2000),
    ended_by         uuid,
    version          bigint       not null default 0
);
-- a pair may not have two running partnerships
create unique index partnership_one_running_per_pair on partnership (tenant, mentee_id, mentor_id)
    where state in ('ACTIVE', 'PAUSED');
create index partnership_running_by_mentor on partnership (tenant, mentor_id) where state in ('ACTIVE', 'PAUSED');
create index partnership_running_by_mentee on partnership (tenant, mentee_id) where state in ('ACTIVE', 'PAUSED');
create index partnership_tenant_id on partnership (tenant, id);

-- Per-tenant limits of requests and partnerships (absent: the documented defaults).
create table tenant_partnership_settings (
    tenant               varchar(64) primary key,
    max_open_requests    int not null,
    max_active_mentors   int not null,
    updated_at           timestamptz not null
);
