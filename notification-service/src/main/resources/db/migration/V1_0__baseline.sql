-- notification-service starts with the plumbing tables (db/plumbing): outbox, inbox, idempotency keys.
comment on table outbox_event is 'Transactional outbox of notification-service';
