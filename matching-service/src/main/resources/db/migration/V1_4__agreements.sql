-- The mentorship agreement of a partnership: versioned drafts, each signed by both to be in force.
create table agreement (
    partnership_id            uuid primary key references partnership (id),
    tenant                    varchar(64) not null,
    latest_version            int         not null,
    in_force_version          int,
    review_due_published_for  int,
    version                   bigint      not null default 0
);

create table agreement_version (
    partnership_id           uuid          not null references agreement (partnership_id),
    number                   int           not null,
    cadence                  varchar(16)   not null,
    session_minutes          int           not null,
    meeting_mode             varchar(16)   not null,
    place_or_link            varchar(500),
    channel                  varchar(100),
    response_time_hours      int,
    mentor_responsibilities  varchar(2000),
    mentee_responsibilities  varchar(2000),
    ground_rules             varchar(4000),
    confidentiality          varchar(4000) not null,
    review_date              date          not null,
    created_by               uuid          not null,
    created_at               timestamptz   not null,
    mentee_signed_at         timestamptz,
    mentor_signed_at         timestamptz,
    primary key (partnership_id, number)
);

create table agreement_goal (
    partnership_id  uuid          not null,
    number          int           not null,
    goal_id         uuid          not null,
    position        int           not null,
    statement       varchar(300)  not null,
    measure         varchar(300)  not null,
    target          varchar(100)  not null,
    why             varchar(1000) not null,
    due_date        date          not null,
    primary key (partnership_id, number, goal_id),
    foreign key (partnership_id, number) references agreement_version (partnership_id, number)
);
create index agreement_review_due on agreement (in_force_version) where in_force_version is not null;
