-- The goals' words come on the internal topic mentoring.internal.agreement-text.v1 (agreement.goal-texts), apart from
-- agreement.in-force: the version whose words the goals hold, so that an older version's words never overwrite a newer's.
alter table partnership_copy add column goal_words_version integer;
-- the copies made from agreement.activated hold the words of their version in force
update partnership_copy set goal_words_version = agreement_version;
