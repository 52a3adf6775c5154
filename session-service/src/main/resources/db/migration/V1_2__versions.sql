-- ETags: the things two people edit (a session's state, agenda items, notes, action items) carry a version that
-- every change raises (JPA @Version); an edit sends it back in If-Match. New rows start at version 1.
alter table mentoring_session alter column version set default 1;
update mentoring_session set version = version + 1;

alter table agenda_item add column version bigint not null default 1;
alter table session_note add column version bigint not null default 1;
alter table action_item add column version bigint not null default 1;

-- the lists page by a unique key: notes by (created_at, id), action items by (due_date, created_at, id)
drop index session_note_session;
create index session_note_session on session_note (session_id, created_at, id);
drop index action_item_partnership;
create index action_item_partnership on action_item (partnership_id, due_date, created_at, id);
