-- feedback-service starts with the plumbing tables (db/plumbing): outbox, inbox, idempotency keys.
-- Its own tables (feedback, evaluations, goal check-ins, health) arrive with the feedback issue.
comment on table outbox_event is 'Transactional outbox of feedback-service';
