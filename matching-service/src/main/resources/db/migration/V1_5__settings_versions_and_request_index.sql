-- Each part of a tenant's settings answers with an ETag, its version: 0 while the tenant uses the defaults (no row),
-- 1 from the first change, raised by every change after it.
update tenant_matching_settings set version = version + 1;
alter table tenant_matching_settings alter column version set default 1;
alter table tenant_partnership_settings add column version bigint not null default 1;

-- The lists of a person's requests and partnerships, page by page in id order.
create index mentorship_request_tenant_id on mentorship_request (tenant, id);
