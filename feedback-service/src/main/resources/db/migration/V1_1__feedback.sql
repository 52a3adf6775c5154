-- feedback-service: copies of participants, partnerships (with the agreement's goals) and sessions, from
-- the other services' events; session feedback, evaluations, goal check-ins, health and tenant settings.
create table participant_copy (
    id          uuid primary key,
    tenant      varchar(64) not null,
    employee_id varchar(64) not null,
    version     bigint not null,
    updated_at  timestamptz not null
);
create index participant_copy_employee on participant_copy (tenant, employee_id);

create table partnership_copy (
    id                uuid primary key,
    tenant            varchar(64) not null,
    mentee_id         uuid,
    mentor_id         uuid,
    state             varchar(16),
    state_at          timestamptz,
    started_at        timestamptz,
    ended_at          timestamptz,
    cadence           varchar(16),
    agreement_version integer,
    updated_at        timestamptz not null
);
create index partnership_copy_tenant on partnership_copy (tenant, state);

-- the goals of the agreement in force, with their progress
create table goal (
    partnership_id   uuid not null references partnership_copy (id),
    goal_id          uuid not null,
    tenant           varchar(64) not null,
    title            varchar(300),
    due_date         date,
    progress_percent integer not null default 0,
    achieved_at      timestamptz,
    in_force         boolean not null default true,
    primary key (partnership_id, goal_id)
);

create table goal_check_in (
    id               uuid primary key,
    tenant           varchar(64) not null,
    partnership_id   uuid not null,
    goal_id          uuid not null,
    author_id        uuid not null,
    progress_percent integer not null,
    achieved         boolean not null,
    note             varchar(500),
    created_at       timestamptz not null,
    foreign key (partnership_id, goal_id) references goal (partnership_id, goal_id)
);
create index goal_check_in_goal on goal_check_in (partnership_id, goal_id, created_at);

create table session_copy (
    id             uuid primary key,
    tenant         varchar(64) not null,
    partnership_id uuid not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    state          varchar(16) not null,
    attendance     varchar(16),
    cancelled_late boolean,
    sequence       integer not null,
    updated_at     timestamptz not null
);
create index session_copy_partnership on session_copy (partnership_id, ends_at);

create table session_feedback (
    id             uuid primary key,
    tenant         varchar(64) not null,
    session_id     uuid not null references session_copy (id),
    partnership_id uuid not null,
    author_id      uuid not null,
    author_role    varchar(16) not null,
    overall        integer not null check (overall between 1 and 5),
    preparation    integer not null check (preparation between 1 and 5),
    communication  integer not null check (communication between 1 and 5),
    comment        varchar(2000),
    shared         boolean not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    unique (session_id, author_id)
);
create index session_feedback_partnership on session_feedback (partnership_id, created_at);

create table evaluation (
    id                  uuid primary key,
    tenant              varchar(64) not null,
    partnership_id      uuid not null references partnership_copy (id),
    kind                varchar(16) not null,
    opens_on            date not null,
    closes_on           date not null,
    state               varchar(16) not null,
    completed_at        timestamptz
);
create index evaluation_due on evaluation (state, opens_on);
create index evaluation_partnership on evaluation (partnership_id, opens_on);

create table evaluation_answer (
    evaluation_id        uuid not null references evaluation (id),
    author_id            uuid not null,
    author_role          varchar(16) not null,
    relationship_quality integer not null check (relationship_quality between 1 and 5),
    recommend            integer not null check (recommend between 0 and 10),
    went_well            varchar(2000),
    was_hard             varchar(2000),
    goals                jsonb not null,
    created_at           timestamptz not null,
    primary key (evaluation_id, author_id)
);

create table partnership_health (
    partnership_id uuid primary key references partnership_copy (id),
    tenant         varchar(64) not null,
    score          integer not null,
    state          varchar(16) not null,
    pitfalls       text not null, -- JSON array of the findings
    computed_at    timestamptz not null
);
create index partnership_health_tenant on partnership_health (tenant, state);

create table tenant_settings (
    tenant     varchar(64) primary key,
    settings   jsonb not null,
    updated_at timestamptz not null
);
