-- Erasure of either person of a partnership removes its goals' words here (feedback-service cannot tell who wrote them),
-- and no later agreement.goal-texts (a replay, a dead letter) brings them back.
alter table partnership_copy add column goal_words_erased boolean not null default false;
