-- What next for a mentee: becoming a mentor. A person applies (APPLIED) or a tenant-wide admin invites them (INVITED);
-- the other side's yes makes them a mentor (ACCEPTED). An admin declines an application (DECLINED); the person withdraws
-- theirs or turns an invitation down (WITHDRAWN). At most one open (APPLIED or INVITED) per person.
create table mentor_application (
    id               uuid        primary key,
    tenant           varchar(64) not null,
    participant_id   uuid        not null references participant (id),
    state            varchar(16) not null,
    capacity         int,
    would_mentor_in  text[]      not null default '{}',
    created_at       timestamptz not null,
    decided_at       timestamptz,
    version          bigint      not null default 0
);
create unique index mentor_application_one_open on mentor_application (participant_id) where state in ('APPLIED', 'INVITED');
create index mentor_application_page on mentor_application (tenant, state, id);
