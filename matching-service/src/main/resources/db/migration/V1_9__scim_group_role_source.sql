-- Whether a SCIM group's role was given (its mentoring extension) or taken from its name (Mentors, Mentees): a renamed
-- group keeps a given role and takes the one its new name gives otherwise.
alter table scim_group add column role_given boolean not null default false;
