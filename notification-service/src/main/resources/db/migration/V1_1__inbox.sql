-- notification-service: copies of participants (employee id, languages, time zone) and partnerships (its two people),
-- from matching-service's events; each person's notifications and inbox preferences.
create table participant_copy (
    id          uuid primary key,
    tenant      varchar(64) not null,
    employee_id varchar(64) not null,
    time_zone   varchar(64),
    languages   varchar(200),
    version     bigint not null,
    updated_at  timestamptz not null
);
create index participant_copy_employee on participant_copy (tenant, employee_id, updated_at desc);

create table partnership_copy (
    id         uuid primary key,
    tenant     varchar(64) not null,
    mentee_id  uuid not null,
    mentor_id  uuid not null,
    updated_at timestamptz not null
);

-- one row per event and person it concerns. position is the person's own count of notifications, taken from their
-- counter in the inserting transaction: the counter's row lock holds a second insert for the person until the first
-- commits, so positions commit in order, and a reader that has seen position n has missed nothing before it (the
-- inbox's order, and the live stream's event id). The text is made when read, in the person's language and time zone.
create table inbox_counter (
    participant_id uuid primary key,
    tenant         varchar(64) not null,
    last           bigint not null
);

create table notification (
    id                 uuid primary key,
    tenant             varchar(64) not null,
    recipient_id       uuid not null,
    position           bigint not null,
    kind               varchar(40) not null,
    event_id           uuid not null,
    occurred_at        timestamptz not null,
    partnership_id     uuid,
    request_id         uuid,
    session_id         uuid,
    evaluation_id      uuid,
    goal_id            uuid,
    action_item_id     uuid,
    starts_at          timestamptz,
    previous_starts_at timestamptz,
    detail             varchar(40),
    read_at            timestamptz,
    unique (recipient_id, position),
    unique (event_id, recipient_id)
);
create index notification_unread on notification (recipient_id, position) where read_at is null;

-- every instance serving live streams listens: a committed notification wakes the streams of its person
create or replace function notification_added() returns trigger language plpgsql as $$
begin
    perform pg_notify('notification_added', new.recipient_id::text);
    return null;
end
$$;
create trigger notification_added after insert on notification
    for each row execute function notification_added();

-- what a person chose: the language of the texts (null: from their profile's languages) and the kinds they muted
create table inbox_preference (
    participant_id uuid primary key,
    tenant         varchar(64) not null,
    language       varchar(8),
    muted          varchar(1000) not null default '',
    version        bigint not null,
    updated_at     timestamptz not null
);
