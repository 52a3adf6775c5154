package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.matching.domain.Seniority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A person of one tenant who may mentor, be mentored, or both. Keyed for HR by (tenant, employee id). */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    /** The identity provider's subject of the person, once they have signed in. */
    public String subject;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] languages;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "is_mentor", nullable = false)
    public boolean mentor;

    @Column(name = "is_mentee", nullable = false)
    public boolean mentee;

    @Column(name = "manager_employee_id")
    public String managerEmployeeId;

    @Column(name = "years_of_experience", nullable = false)
    public int yearsOfExperience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Seniority seniority = Seniority.MID;

    @Enumerated(EnumType.STRING)
    @Column(name = "leadership_style")
    public LeadershipStyle leadershipStyle;

    @Enumerated(EnumType.STRING)
    @Column(name = "communication_style")
    public CommunicationStyle communicationStyle;

    /** "name:level" entries. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] skills = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] industries = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] expertise = new String[0];

    /** As a mentor: how many mentees at once (set by HR). */
    @Column(name = "mentor_capacity", nullable = false)
    public int mentorCapacity;

    @Column(name = "mentor_accepting", nullable = false)
    public boolean mentorAccepting;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mentor_would_mentor_in", nullable = false)
    public String[] mentorWouldMentorIn = new String[0];

    /** The mentor's short introduction for the directory, in their own words. */
    @Column(name = "mentor_bio")
    public String mentorBio;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mentor_preferred_seniority", nullable = false)
    public String[] mentorPreferredSeniority = new String[0];

    /** As a mentee: development goals in their own words (personal: never in events, never to admins). */
    @Column(name = "mentee_goals")
    public String menteeGoals;

    /** "name:level" entries, the level being the target. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mentee_desired_skills", nullable = false)
    public String[] menteeDesiredSkills = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mentee_preferred_industries", nullable = false)
    public String[] menteePreferredIndustries = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(name = "mentee_preferred_leadership")
    public LeadershipStyle menteePreferredLeadership;

    @Enumerated(EnumType.STRING)
    @Column(name = "mentee_preferred_communication")
    public CommunicationStyle menteePreferredCommunication;

    @Column(name = "mentee_max_time_zone_gap", nullable = false)
    public int menteeMaxTimeZoneGap = 4;

    @Column(name = "mentee_opted_in", nullable = false)
    public boolean menteeOptedIn;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    /** The SCIM userName (sign-in name at the identity provider); null for a person provisioned otherwise. */
    @Column(name = "user_name")
    public String userName;

    /** The identity provider's own id of the person (SCIM externalId). */
    @Column(name = "external_id")
    public String externalId;

    /** The SCIM attributes kept as sent but not otherwise used (name, emails, phone numbers...): personal data. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scim")
    public String scim;
}
