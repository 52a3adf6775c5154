-- A mentor's short introduction for the mentor directory, in their own words (personal data: erased with them).
alter table participant add column mentor_bio varchar(500);
