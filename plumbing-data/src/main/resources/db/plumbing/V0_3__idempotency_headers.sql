-- The idempotency filter keeps the headers a replay must carry again (where the created thing is, its version).
alter table idempotent_request
    add column location varchar(2000),
    add column etag     varchar(200);
