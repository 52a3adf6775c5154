-- A tenant's general program is made without a request (the first time it is needed, or by V1_10 for tenants with
-- data), so it is announced (program.created) by a job: announced_at is null until it has been. Other programs are
-- announced in the transaction that creates them.
alter table program add column announced_at timestamptz;
update program set announced_at = created_at where not general;
create index program_general_unannounced on program (id) where general and announced_at is null;
