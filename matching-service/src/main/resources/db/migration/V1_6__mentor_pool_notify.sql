-- Each instance keeps its tenants' mentors prepared for recommendations (MentorPools) and must learn at once when one
-- changes, wherever the change was made: a change to a participant notifies the channel mentor_pool with its tenant,
-- delivered to every listening instance when the transaction commits (one notification per tenant and transaction:
-- PostgreSQL folds identical ones).
create function notify_mentor_pool() returns trigger language plpgsql as $$
begin
    perform pg_notify('mentor_pool', case when tg_op = 'DELETE' then old.tenant else new.tenant end);
    return null;
end;
$$;

create trigger participant_notify_mentor_pool
    after insert or update or delete on participant
    for each row execute function notify_mentor_pool();
