-- Sessions: the partnership copy (from matching-service's events), sessions and series, the bookings that
-- keep a person out of two overlapping sessions, agenda items, encrypted notes, action items and the
-- secret calendar feed tokens.
create extension if not exists btree_gist;

create table partnership_copy (
    id               uuid primary key,
    tenant           varchar(64) not null,
    mentee_id        uuid,
    mentor_id        uuid,
    state            varchar(16),
    -- the time of the newest partnership.* event applied: an older one never overwrites a newer state
    state_at         timestamptz,
    cadence          varchar(16),
    session_minutes  integer,
    agreement_version integer,
    updated_at       timestamptz not null
);
create index partnership_copy_mentee on partnership_copy (tenant, mentee_id);
create index partnership_copy_mentor on partnership_copy (tenant, mentor_id);

create table session_series (
    id              uuid primary key,
    tenant          varchar(64) not null,
    partnership_id  uuid not null references partnership_copy (id),
    rrule           varchar(500) not null,
    first_local_start timestamp not null,
    time_zone       varchar(64) not null,
    duration_minutes integer not null,
    sequence        integer not null default 0,
    created_at      timestamptz not null
);

create table mentoring_session (
    id               uuid primary key,
    tenant           varchar(64) not null,
    partnership_id   uuid not null references partnership_copy (id),
    mentee_id        uuid not null,
    mentor_id        uuid not null,
    series_id        uuid references session_series (id),
    -- for an occurrence of a series: its start as the rule made it (iCalendar RECURRENCE-ID)
    recurrence_id    timestamptz,
    local_start      timestamp not null,
    time_zone        varchar(64) not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    duration_minutes integer not null,
    mode             varchar(16) not null,
    place_or_link    varchar(500),
    state            varchar(16) not null,
    cancel_reason    varchar(32),
    cancelled_late   boolean,
    cancelled_by     varchar(16),
    attendance       varchar(16),
    actual_minutes   integer,
    sequence         integer not null default 0,
    version          bigint not null default 0,
    reminder_day_sent_at  timestamptz,
    reminder_hour_sent_at timestamptz,
    created_by       uuid not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check (ends_at > starts_at)
);
create index mentoring_session_partnership on mentoring_session (partnership_id, starts_at);
create index mentoring_session_mentee on mentoring_session (tenant, mentee_id, starts_at);
create index mentoring_session_mentor on mentoring_session (tenant, mentor_id, starts_at);
create index mentoring_session_tenant on mentoring_session (tenant, starts_at, id);
create index mentoring_session_series on mentoring_session (series_id, recurrence_id);
create index mentoring_session_reminders on mentoring_session (starts_at) where state = 'SCHEDULED';

-- one row per person and scheduled session: the database refuses two overlapping sessions of one person,
-- across all their partnerships, whatever the concurrency
create table session_booking (
    session_id     uuid not null references mentoring_session (id) on delete cascade,
    participant_id uuid not null,
    during         tstzrange not null,
    primary key (session_id, participant_id),
    constraint session_booking_no_overlap exclude using gist (participant_id with =, during with &&)
);

create table agenda_item (
    id          uuid primary key,
    session_id  uuid not null references mentoring_session (id) on delete cascade,
    position    integer not null,
    text        varchar(500) not null,
    done        boolean not null default false,
    added_by    uuid not null,
    created_at  timestamptz not null
);
create index agenda_item_session on agenda_item (session_id, position);

-- note text is encrypted (AES-GCM); key_id names the key so that keys can rotate
create table session_note (
    id          uuid primary key,
    tenant      varchar(64) not null,
    session_id  uuid not null references mentoring_session (id) on delete cascade,
    author_id   uuid not null,
    visibility  varchar(16) not null,
    key_id      varchar(64) not null,
    nonce       bytea not null,
    ciphertext  bytea not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index session_note_session on session_note (session_id, created_at);

create table action_item (
    id              uuid primary key,
    tenant          varchar(64) not null,
    partnership_id  uuid not null references partnership_copy (id),
    session_id      uuid references mentoring_session (id) on delete set null,
    title           varchar(200) not null,
    assignee        varchar(16) not null,
    assignee_id     uuid not null,
    due_date        date not null,
    state           varchar(16) not null,
    overdue_published_at timestamptz,
    created_by      uuid not null,
    created_at      timestamptz not null,
    completed_at    timestamptz
);
create index action_item_partnership on action_item (partnership_id, due_date);
create index action_item_overdue on action_item (due_date) where state = 'OPEN' and overdue_published_at is null;

-- a person's secret calendar feed: only the SHA-256 of the secret is kept
create table calendar_feed (
    participant_id uuid primary key,
    tenant         varchar(64) not null,
    secret_hash    varchar(64) not null unique,
    created_at     timestamptz not null
);
