-- Erasure removes the words of the goals a person wrote (the versions they drafted): the statement, measure, target and
-- why of those goals become null; the goals, their ids and due dates stay, as the versions were signed by both.
alter table agreement_goal alter column statement drop not null;
alter table agreement_goal alter column measure drop not null;
alter table agreement_goal alter column target drop not null;
alter table agreement_goal alter column why drop not null;
