-- ETags: what people edit carries a version that every change raises (JPA @Version); an edit may send it back in
-- If-Match (412 when stale). Session feedback, edited by its author, starts at version 1. A tenant's settings are
-- version 1 while they are the defaults (no row); the row the first save makes is version 2, and each save raises it.
alter table session_feedback add column version bigint not null default 1;
alter table tenant_settings add column version bigint not null default 2;

-- the lists page by a unique key: feedback by (created_at, id), evaluations by (opens_on, id), goals by
-- (due_date, goal_id), health by partnership id (a person's own through their partnerships)
create index session_feedback_session on session_feedback (session_id, created_at, id);
drop index evaluation_partnership;
create index evaluation_partnership on evaluation (partnership_id, opens_on, id);
create index partnership_copy_mentee on partnership_copy (tenant, mentee_id);
create index partnership_copy_mentor on partnership_copy (tenant, mentor_id);
