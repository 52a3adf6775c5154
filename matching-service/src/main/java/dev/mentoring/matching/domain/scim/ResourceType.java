package dev.mentoring.matching.domain.scim;

import static dev.mentoring.matching.domain.scim.ScimSchema.bool;
import static dev.mentoring.matching.domain.scim.ScimSchema.complex;
import static dev.mentoring.matching.domain.scim.ScimSchema.dateTime;
import static dev.mentoring.matching.domain.scim.ScimSchema.integer;
import static dev.mentoring.matching.domain.scim.ScimSchema.reference;
import static dev.mentoring.matching.domain.scim.ScimSchema.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mentoring.matching.domain.scim.ScimSchema.Attribute;
import dev.mentoring.matching.domain.scim.ScimSchema.Returned;

/**
 * A SCIM resource type as this service provider supports it (RFC 7643 section 6): its endpoint, its core schema and its
 * extensions. {@link #USER} maps onto participants, {@link #GROUP} onto mentoring roles (docs/scim.md).
 */
public record ResourceType(String name, String endpoint, String description, ScimSchema core, List<ScimSchema> extensions) {

    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String MENTORING_USER_SCHEMA = "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User";
    public static final String MENTORING_GROUP_SCHEMA = "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group";

    /** The attributes every resource has (RFC 7643 section 3.1), outside any schema's list. */
    public static final List<Attribute> COMMON = List.of(
            reference("schemas").multi().caseExact().readOnly().returned(Returned.ALWAYS)
                    .describe("The schemas the resource has (filters may test them).").build(),
            string("id").caseExact().readOnly().returned(Returned.ALWAYS).unique()
                    .describe("The service provider's id of the resource, immutable.").build(),
            string("externalId").caseExact().describe("The provisioning client's id of the resource.").build(),
            complex("meta").readOnly().sub(
                    string("resourceType").caseExact().readOnly(),
                    dateTime("created").readOnly(),
                    dateTime("lastModified").readOnly(),
                    reference("location").caseExact().readOnly().references("uri"),
                    string("version").caseExact().readOnly())
                    .describe("Resource metadata; version is the ETag.").build());

    private static ScimSchema.Builder multiValueBuilder(String name, String... types) {
        return complex(name).multi().sub(string("value"), string("display"), string("type").canonical(types), bool("primary"));
    }

    static final ScimSchema USER_CORE = new ScimSchema(USER_SCHEMA, "User", "User Account", List.of(
            string("userName").required().unique()
                    .describe("Unique (in any letter case) within the tenant; the sign-in name at the identity provider.").build(),
            complex("name").sub(string("formatted"), string("familyName"), string("givenName"), string("middleName"),
                    string("honorificPrefix"), string("honorificSuffix")).build(),
            string("displayName").describe("Shown to others in the product (at most 120 characters); when absent, made "
                    + "from name (formatted, or given and family name) or userName.").build(),
            string("nickName").build(),
            reference("profileUrl").references("external").build(),
            string("title").build(),
            string("userType").build(),
            string("preferredLanguage").describe("Its primary language (e.g. en of en-US) becomes the person's first "
                    + "meeting language.").build(),
            string("locale").build(),
            string("timezone").describe("An IANA time zone (e.g. Europe/Berlin); UTC when never given.").build(),
            bool("active").describe("false stops new matches and ends the person's running partnerships, as when a "
                    + "person leaves (participant.deactivated).").build(),
            multiValueBuilder("emails", "work", "home", "other").build(),
            multiValueBuilder("phoneNumbers", "work", "home", "mobile", "fax", "pager", "other").build(),
            complex("addresses").multi().sub(string("formatted"), string("streetAddress"), string("locality"), string("region"),
                    string("postalCode"), string("country"), string("type").canonical("work", "home", "other"), bool("primary"))
                    .build(),
            complex("groups").multi().readOnly().sub(
                    string("value").readOnly(), reference("$ref").readOnly().references("Group"), string("display").readOnly(),
                    string("type").readOnly().canonical("direct"))
                    .describe("The groups the user is a member of (change them through Groups).").build()));

    static final ScimSchema ENTERPRISE = new ScimSchema(ENTERPRISE_SCHEMA, "EnterpriseUser", "Enterprise User", List.of(
            string("employeeNumber").describe("The person's employee id in the HR platform: the id the product knows them by "
                    + "(1-64 letters, digits or . _ : -), unique within the tenant.").build(),
            string("costCenter").build(),
            string("organization").build(),
            string("division").build(),
            string("department").build(),
            complex("manager").sub(
                    string("value").describe("The manager's id here, or their employee id."),
                    reference("$ref").references("User"),
                    string("displayName").readOnly()).build()));

    static final ScimSchema MENTORING_USER = new ScimSchema(MENTORING_USER_SCHEMA, "MentoringUser",
            "The person's mentoring roles and the HR facts matching uses", List.of(
            bool("mentor").describe("Has the mentor role. Left out: unchanged.").build(),
            integer("mentorCapacity").describe("How many mentees at once as a mentor (0-20).").build(),
            bool("mentee").describe("Has the mentee role. Left out: unchanged.").build(),
            string("seniority").canonical("JUNIOR", "MID", "SENIOR", "LEAD", "EXECUTIVE").build(),
            integer("yearsOfExperience").describe("0-60.").build(),
            string("expertise").multi().describe("Up to 20 terms of 1-60 letters, digits, spaces or + # . -").build(),
            string("industries").multi().describe("Up to 20 terms of 1-60 letters, digits, spaces or + # . -").build()));

    static final ScimSchema GROUP_CORE = new ScimSchema(GROUP_SCHEMA, "Group", "Group", List.of(
            string("displayName").required().unique().describe("Unique (in any letter case) within the tenant.").build(),
            complex("members").multi().sub(
                    string("value").immutable().describe("A User's id."),
                    reference("$ref").immutable().references("User"),
                    string("display").readOnly(),
                    string("type").immutable().canonical("User"))
                    .describe("Users only (a group is not a member of another).").build()));

    static final ScimSchema MENTORING_GROUP = new ScimSchema(MENTORING_GROUP_SCHEMA, "MentoringGroup",
            "What membership of the group means in mentoring", List.of(
            string("role").canonical("MENTOR", "MENTEE").describe("MENTOR: members have the mentor role; MENTEE: the mentee "
                    + "role. Left out: taken from the displayName (Mentors or Mentees in any letter case), else none.").build()));

    public static final ResourceType USER = new ResourceType("User", "/Users", "People of the tenant (participants)",
            USER_CORE, List.of(ENTERPRISE, MENTORING_USER));

    public static final ResourceType GROUP = new ResourceType("Group", "/Groups",
            "Groups whose members get a mentoring role", GROUP_CORE, List.of(MENTORING_GROUP));

    public static final List<ResourceType> ALL = List.of(USER, GROUP);

    /** Every schema: the core ones and their extensions. */
    public static List<ScimSchema> schemas() {
        List<ScimSchema> all = new ArrayList<>();
        for (ResourceType type : ALL) {
            all.add(type.core());
            all.addAll(type.extensions());
        }
        return all;
    }

    /** The extension of this URN, in any letter case. */
    public Optional<ScimSchema> extension(String urn) {
        return extensions.stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** The schema a URN names (the core or an extension). */
    public Optional<ScimSchema> schema(String urn) {
        return core.id().equalsIgnoreCase(urn) ? Optional.of(core) : extension(urn);
    }

    /** A common attribute (id, externalId, meta) of this name, in any letter case. */
    public static Optional<Attribute> common(String attributeName) {
        return ScimSchema.find(COMMON, attributeName);
    }

    /** Whether a text is a schema URN of this type (the start of a URN-qualified path). */
    public Optional<ScimSchema> schemaPrefixOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (ScimSchema schema : extensionsFirst()) {
            String urn = schema.id().toLowerCase(Locale.ROOT);
            if (lower.equals(urn) || lower.startsWith(urn + ":")) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    private List<ScimSchema> extensionsFirst() {
        List<ScimSchema> ordered = new ArrayList<>(extensions);
        ordered.add(core);
        return ordered;
    }
}
