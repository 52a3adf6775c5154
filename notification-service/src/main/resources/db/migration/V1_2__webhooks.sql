-- notification-service: webhooks. A tenant's endpoints (its integration clients and program admins register them),
-- one delivery per event and endpoint subscribed to its type, and each delivery's attempts (the delivery log).
create table webhook_endpoint (
    id               uuid primary key,
    tenant           varchar(64) not null,
    url              varchar(2000) not null,
    -- the event types it receives, comma-separated (CloudEvents type names of the AsyncAPI document)
    event_types      varchar(2000) not null,
    description      varchar(200),
    -- whsec_ + base64 of 32 random bytes: signs each delivery (Standard Webhooks); shown once, when made or rotated
    secret           varchar(100) not null,
    -- the secret before the last rotation, which still signs beside the new one until previous_until
    previous_secret  varchar(100),
    previous_until   timestamptz,
    enabled          boolean not null,
    -- why it is disabled: FAILING (turned off after sustained failure) or null (by its owner, or enabled)
    disabled_reason  varchar(20),
    disabled_at      timestamptz,
    -- since when every attempt has failed (null after a success)
    failing_since    timestamptz,
    created_by       varchar(255) not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint not null
);
create index webhook_endpoint_tenant on webhook_endpoint (tenant, id);

-- seq orders deliveries as their events were read; deliveries of one endpoint and ordering key (the event's
-- partitionkey: one partnership's events share it) are attempted one at a time in seq order. lease and lease_until
-- claim a delivery for the instance sending it; a lease that runs out (the instance died) frees it again.
create table webhook_delivery (
    id              uuid primary key,
    seq             bigserial not null,
    tenant          varchar(64) not null,
    endpoint_id     uuid not null references webhook_endpoint (id) on delete cascade,
    event_id        uuid not null,
    event_type      varchar(100) not null,
    ordering_key    varchar(200) not null,
    body            text not null,
    -- PENDING (to be sent, or sent again after a failure), DELIVERED, FAILED (every try of the retry schedule failed)
    state           varchar(20) not null,
    attempts        integer not null,
    -- tries since the delivery was last (re)queued: its place in the retry schedule
    tries           integer not null,
    next_attempt_at timestamptz not null,
    lease           uuid,
    lease_until     timestamptz,
    last_status     integer,
    last_latency_ms integer,
    last_error      varchar(300),
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, seq) where state = 'PENDING';
create index webhook_delivery_key on webhook_delivery (endpoint_id, ordering_key, seq) where state = 'PENDING';
create index webhook_delivery_log on webhook_delivery (endpoint_id, seq desc);
create index webhook_delivery_purge on webhook_delivery (created_at) where state <> 'PENDING';

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  uuid not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    -- the HTTP status, or null when no answer came (refused address, connection failure, timeout)
    status       integer,
    latency_ms   integer not null,
    error        varchar(300)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
