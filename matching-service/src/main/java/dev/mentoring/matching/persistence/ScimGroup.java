package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A SCIM group of one tenant; its members (scim_group_member) have its mentoring role, if it has one. */
@Entity
@Table(name = "scim_group")
public class ScimGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "external_id")
    public String externalId;

    /** MENTOR, MENTEE or null (a group that only groups people). */
    public String role;

    /** Whether the role was given (the group's mentoring extension), else taken from the group's name. */
    @Column(name = "role_given", nullable = false)
    public boolean roleGiven;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
