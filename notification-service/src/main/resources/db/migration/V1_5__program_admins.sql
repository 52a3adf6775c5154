-- Concerns reach the admins of the partnership's program: the program of each partnership (from mentorship.requested
-- and partnership.*), and who runs each program (program.admin-assigned/unassigned, by employee id; the latest change
-- wins, so a late replay changes nothing).
alter table partnership_copy add column program_id uuid;

create table program_admin_copy (
    tenant      varchar(64) not null,
    program_id  uuid not null,
    employee_id varchar(64) not null,
    assigned    boolean not null,
    changed_at  timestamptz not null,
    primary key (tenant, program_id, employee_id)
);
