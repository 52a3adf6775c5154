-- The W3C trace context of the transaction that wrote the event: the relay publishes the event as a span of that
-- trace and puts the context in the CloudEvent (distributed-tracing extension) for the consumer to continue.
-- Null where the writer was in no trace (a job, a migration). Debezium can carry them as headers instead.
alter table outbox_event
    add column traceparent varchar(55),
    add column tracestate  varchar(512);
