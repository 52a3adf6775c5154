-- The relay reads only rows no earlier row of their key is waiting for: this index answers that question.
create index outbox_event_pending_key on outbox_event (aggregatetype, aggregateid, seq) where published_at is null and parked_at is null;
