-- SCIM 2.0 provisioning (docs/scim.md). A participant gains what identity providers know a user by: the userName
-- (unique per tenant in any letter case), the provider's externalId, and the SCIM attributes kept as sent but not
-- otherwise used (name parts, emails, phone numbers, addresses, title, department...): personal data, erased with
-- the person. A participant provisioned through the provisioning API has no user_name: SCIM shows its employee id.
alter table participant
    add column user_name   varchar(255),
    add column external_id varchar(255),
    add column scim        jsonb;

create unique index participant_user_name_unique on participant (tenant, lower(user_name)) where user_name is not null;
-- the look-up an identity provider makes before each create (userName eq "..."), also of people without a user_name
create index participant_scim_user_name on participant (tenant, lower(coalesce(user_name, employee_id)));
create index participant_external_id on participant (tenant, external_id) where external_id is not null;

-- Groups: their members get a mentoring role (MENTOR or MENTEE) while they are in a group with that role; a group
-- with no role only groups people. Deleting a group or a participant removes the memberships.
create table scim_group (
    id           uuid primary key,
    tenant       varchar(64)  not null,
    display_name varchar(255) not null,
    external_id  varchar(255),
    role         varchar(16),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0,
    constraint scim_group_role check (role in ('MENTOR', 'MENTEE'))
);
create unique index scim_group_name_unique on scim_group (tenant, lower(display_name));

create table scim_group_member (
    group_id       uuid not null references scim_group (id) on delete cascade,
    participant_id uuid not null references participant (id) on delete cascade,
    primary key (group_id, participant_id)
);
create index scim_group_member_participant on scim_group_member (participant_id);
