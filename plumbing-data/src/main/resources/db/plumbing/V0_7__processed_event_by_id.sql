-- The dead-letter desk asks whether any consumer of the service has handled an event id (DeadLetterResource): by id
-- alone, which the primary key (consumer, event_id) cannot serve.
create index if not exists processed_event_event_id on processed_event (event_id);
