-- The recommendation pools (MentorPools) hold a tenant's mentors only: a participant that neither is nor was a mentor
-- (a mentee's profile, an HR sync of people who mentor no one) leaves them as they are. The notification of V1_6 now
-- comes only for a row that is or was a mentor, and only when the row changed (an update that writes the same values
-- is no change).
drop trigger participant_notify_mentor_pool on participant;

create trigger participant_notify_mentor_pool_insert
    after insert on participant
    for each row when (new.is_mentor)
    execute function notify_mentor_pool();

create trigger participant_notify_mentor_pool_update
    after update on participant
    for each row when ((old.is_mentor or new.is_mentor) and old.* is distinct from new.*)
    execute function notify_mentor_pool();

create trigger participant_notify_mentor_pool_delete
    after delete on participant
    for each row when (old.is_mentor)
    execute function notify_mentor_pool();
