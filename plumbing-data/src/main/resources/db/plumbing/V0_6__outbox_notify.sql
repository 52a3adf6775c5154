-- The relay wakes on commit: every statement that inserts outbox rows notifies the channel outbox_event, which
-- PostgreSQL delivers to the listening relays when (and only if) the writing transaction commits; notifications of one
-- transaction with the same payload are delivered once. The relay's poll stays as the fallback.
create or replace function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();
