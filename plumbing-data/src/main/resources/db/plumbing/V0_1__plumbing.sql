-- Plumbing tables every service has (dev.mentoring.plumbing): the transactional outbox, the inbox of
-- handled events, and idempotency keys. Versions 0.x are reserved for plumbing; services start at 1.

-- Laid out as Debezium's outbox event router expects (id, aggregatetype, aggregateid, type, payload),
-- so a larger installation can replace the relay with Debezium on Kafka Connect
-- (route.by.field=aggregatetype, route.topic.replacement set to the routed-by value, table.expand.json.payload=true).
create table outbox_event (
    id            uuid primary key,
    aggregatetype varchar(120) not null,
    aggregateid   varchar(120) not null,
    type          varchar(120) not null,
    payload       jsonb        not null,
    tenant        varchar(64)  not null,
    occurred_at   timestamptz  not null,
    seq           bigserial    not null,
    published_at  timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

create table processed_event (
    consumer     varchar(120) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

create table idempotent_request (
    tenant          varchar(64)  not null,
    caller          varchar(255) not null,
    idempotency_key varchar(200) not null,
    fingerprint     char(64)     not null,
    status          int          not null,
    response        jsonb,
    created_at      timestamptz  not null,
    primary key (tenant, caller, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
