-- The relay keeps its promise: a row whose send failed waits (next_attempt_at) and holds back the later rows of
-- its key; a row that cannot be sent (the broker refuses the record itself, or it keeps failing while other rows
-- are acknowledged) is parked with its attempts and last error instead of blocking its key forever.
alter table outbox_event
    add column attempts        int         not null default 0,
    add column last_error      text,
    add column next_attempt_at timestamptz,
    add column parked_at       timestamptz;

drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (seq) where published_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
