-- A program's own matching settings, as JSON (ProgramRules.MatchingSettings): the weights of the match score (none: the
-- tenant's), a hard rule on how many hours apart a pair may live (none: each mentee's own limit), and the default
-- agreement its partnerships start from (cadence, session length, ground rules, confidentiality). No row: none of them.
create table program_matching_settings (
    program_id  uuid        primary key references program (id),
    tenant      varchar(64) not null,
    settings    jsonb       not null,
    updated_at  timestamptz not null,
    version     bigint      not null
);
