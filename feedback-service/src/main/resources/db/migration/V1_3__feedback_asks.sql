-- Asking for feedback: one of a partnership's two people asks the other, on a session that took place or on the
-- partnership so far. The other answers with the feedback the platform already has: feedback on that session (or,
-- for the partnership, on any of its sessions) or an answer to an evaluation. An ask still open after 7 days counts
-- in the lack-of-feedback pitfall while it can still be answered. One open ask per subject and person asked.
create table feedback_ask (
    id             uuid primary key,
    tenant         varchar(64) not null,
    partnership_id uuid not null,
    session_id     uuid,
    asked_by       uuid not null,
    asked_by_role  varchar(16) not null,
    asked_of       uuid not null,
    asked_at       timestamptz not null,
    -- an ask on a session lapses when the session's feedback window closes (14 days after it ended); null: on the partnership
    expires_at     timestamptz,
    answered_at    timestamptz
);
create unique index feedback_ask_open on feedback_ask (partnership_id, coalesce(session_id, partnership_id), asked_of)
    where answered_at is null;
create index feedback_ask_partnership on feedback_ask (partnership_id, asked_at, id);
