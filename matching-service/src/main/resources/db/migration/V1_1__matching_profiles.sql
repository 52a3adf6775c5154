-- What matching needs of a participant (the matching issue). Lists are text arrays; skills are
-- "name:level" entries (skill names never contain ':').
alter table participant
    add column active                         boolean      not null default true,
    add column is_mentor                      boolean      not null default false,
    add column is_mentee                      boolean      not null default false,
    add column manager_employee_id            varchar(64),
    add column years_of_experience            int          not null default 0,
    add column seniority                      varchar(16)  not null default 'MID',
    add column leadership_style               varchar(24),
    add column communication_style            varchar(24),
    add column skills                         text[]       not null default '{}',
    add column industries                     text[]       not null default '{}',
    add column expertise                      text[]       not null default '{}',
    add column mentor_capacity                int          not null default 0,
    add column mentor_accepting               boolean      not null default false,
    add column mentor_would_mentor_in         text[]       not null default '{}',
    add column mentor_preferred_seniority     text[]       not null default '{}',
    add column mentee_goals                   varchar(2000),
    add column mentee_desired_skills          text[]       not null default '{}',
    add column mentee_preferred_industries    text[]       not null default '{}',
    add column mentee_preferred_leadership    varchar(24),
    add column mentee_preferred_communication varchar(24),
    add column mentee_max_time_zone_gap       int          not null default 4,
    add column mentee_opted_in                boolean      not null default false,
    add column erased_at                      timestamptz;

-- the person's own login is linked once they sign in; HR may provision them before
create index participant_tenant_id on participant (tenant, id);
create index participant_tenant_mentors on participant (tenant) where is_mentor and active;
create index participant_tenant_mentees on participant (tenant) where is_mentee and active;

-- Per-tenant matching settings: the weight of each criterion (0-100) of the match score.
create table tenant_matching_settings (
    tenant                  varchar(64) primary key,
    weight_skills           int not null,
    weight_goals_expertise  int not null,
    weight_industry         int not null,
    weight_experience_gap   int not null,
    weight_styles           int not null,
    weight_language         int not null,
    weight_time_zone        int not null,
    updated_at              timestamptz not null,
    version                 bigint not null default 0
);

-- Cohort matching runs and their proposals.
create table matching_run (
    id                  uuid primary key,
    tenant              varchar(64)  not null,
    objective           varchar(16)  not null,
    minimum_score       numeric(5,2) not null,
    status              varchar(16)  not null,
    cohort_mentees      int          not null,
    candidate_pairs     int          not null,
    matched             int          not null,
    coverage_percent    numeric(5,2) not null,
    mean_score          numeric(5,2) not null,
    min_score           numeric(5,2) not null,
    blocking_pairs      int          not null,
    took_ms             bigint       not null,
    blocking_examples   text[]       not null default '{}',
    version             bigint       not null default 0,
    created_by          varchar(255) not null,
    created_at          timestamptz  not null,
    committed_at        timestamptz
);
create index matching_run_tenant on matching_run (tenant, created_at desc);

create table matching_run_assignment (
    run_id     uuid         not null references matching_run (id) on delete cascade,
    mentee_id  uuid         not null,
    mentor_id  uuid         not null,
    score      numeric(5,2) not null,
    primary key (run_id, mentee_id)
);

create table matching_run_unmatched (
    run_id     uuid        not null references matching_run (id) on delete cascade,
    mentee_id  uuid        not null,
    reason     varchar(32) not null,
    rule       varchar(32),
    primary key (run_id, mentee_id)
);
