-- The pair's view of the health may be null: instances of the release before concerns (which do not write it) keep
-- working beside the new ones during a rolling upgrade or after a rollback. Readers take score and state where it is
-- null (a release before concerns finds nothing confidential).
alter table partnership_health alter column shared_score drop not null, alter column shared_state drop not null;
-- erasure finds the person's concerns
create index concern_raised_by on concern (raised_by);
