-- Raising a concern: one of a partnership's two people tells the program admins privately that something is wrong.
-- The text is read only by the program admins (and its author); no event carries it; erasure of its author removes it.
-- One open concern per person, partnership and category; a program admin closes it with an outcome.
create table concern (
    id             uuid primary key,
    tenant         varchar(64) not null,
    partnership_id uuid not null,
    raised_by      uuid not null,
    raised_by_role varchar(16) not null,
    category       varchar(32) not null,
    text           varchar(2000),
    raised_at      timestamptz not null,
    closed_at      timestamptz,
    -- the subject of the program admin's token who closed it
    closed_by      varchar(255),
    outcome        varchar(32)
);
create unique index concern_open on concern (partnership_id, raised_by, category) where closed_at is null;
create index concern_tenant on concern (tenant, raised_at, id);
create index concern_partnership on concern (partnership_id, raised_at, id);

-- The health as the partnership's two people see it: without the pitfalls found in concerns raised in confidence.
alter table partnership_health add column shared_score integer, add column shared_state varchar(16);
update partnership_health set shared_score = score, shared_state = state;
alter table partnership_health alter column shared_score set not null, alter column shared_state set not null;
