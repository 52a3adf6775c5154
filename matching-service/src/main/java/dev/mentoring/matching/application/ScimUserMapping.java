package dev.mentoring.matching.application;

import static dev.mentoring.matching.domain.scim.ResourceType.ENTERPRISE_SCHEMA;
import static dev.mentoring.matching.domain.scim.ResourceType.MENTORING_USER_SCHEMA;
import static dev.mentoring.matching.domain.scim.ResourceType.USER_SCHEMA;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.domain.EmployeeId;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.domain.scim.ScimException;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.matching.persistence.ScimGroupRepository;

/**
 * A participant as a SCIM User and back (docs/scim.md has the table): userName, externalId, displayName, timezone,
 * preferredLanguage, active and the enterprise extension's employeeNumber and manager map onto the participant; the
 * mentoring extension onto the roles and the HR facts matching uses; the other attributes (name, emails, phone
 * numbers, addresses, title, department...) are kept as sent and returned, used for nothing else.
 */
final class ScimUserMapping {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The largest the kept attributes may be, as stored JSON. */
    static final int MAX_KEPT_BYTES = 16 * 1024;
    static final int MAX_STRING = 255;
    static final int MAX_LIST = 20;
    private static final Pattern TERM = Pattern.compile("^[\\p{L}\\p{N}+#. -]{1,60}$");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** Core attributes kept as sent. */
    private static final List<String> KEPT_CORE = List.of("name", "nickName", "profileUrl", "title", "userType", "locale",
            "preferredLanguage", "emails", "phoneNumbers", "addresses");
    /** Enterprise attributes kept as sent (employeeNumber is the employee id; manager is resolved and kept). */
    private static final List<String> KEPT_ENTERPRISE = List.of("costCenter", "organization", "division", "department", "manager");

    private ScimUserMapping() {
    }

    /** What a SCIM User write says, checked: the participant's fields, and the attributes kept as sent. */
    record UserWrite(String userName, String externalId, String displayName, String timeZone, String language, Boolean active,
            String employeeNumber, String managerValue, ObjectNode kept, ObjectNode mentoring) {
    }

    /** Reads and checks a canonical User (as {@code ScimJson.resource} makes it); names the attribute at fault. */
    static UserWrite read(ObjectNode user) {
        String userName = text(user, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("userName is required");
        }
        userName = userName.strip();
        String externalId = text(user, "externalId");
        ObjectNode kept = NODES.objectNode();
        for (String name : KEPT_CORE) {
            if (user.hasNonNull(name)) {
                kept.set(name, user.get(name));
            }
        }
        JsonNode enterprise = user.path(ENTERPRISE_SCHEMA);
        ObjectNode keptEnterprise = NODES.objectNode();
        for (String name : KEPT_ENTERPRISE) {
            if (enterprise.hasNonNull(name)) {
                keptEnterprise.set(name, enterprise.get(name));
            }
        }
        if (!keptEnterprise.isEmpty()) {
            kept.set(ENTERPRISE_SCHEMA, keptEnterprise);
        }
        String displayName = text(user, "displayName");
        if (displayName == null || displayName.isBlank()) {
            displayName = madeName(user.path("name"), userName);
        }
        displayName = displayName.strip();
        if (displayName.length() > 120) {
            throw ScimException.invalidValue("displayName must be at most 120 characters");
        }
        String timeZone = text(user, "timezone");
        if (timeZone != null && !((timeZone.contains("/") || timeZone.equals("UTC")) && ZoneId.getAvailableZoneIds().contains(timeZone))) {
            throw ScimException.invalidValue("timezone must be an IANA time zone such as Europe/Berlin, not '" + clip(timeZone) + "'");
        }
        String language = null;
        String preferred = text(user, "preferredLanguage");
        if (preferred != null && !preferred.isBlank()) {
            language = preferred.strip().split("[-_,;]", 2)[0].toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(language)) {
                throw ScimException.invalidValue("preferredLanguage must be a language tag such as en-US, not '" + clip(preferred) + "'");
            }
        }
        JsonNode activeNode = user.get("active");
        Boolean active = activeNode == null || activeNode.isNull() ? null : activeNode.booleanValue();
        String employeeNumber = text(enterprise, "employeeNumber");
        if (employeeNumber != null && !EmployeeId.isValid(employeeNumber.strip())) {
            throw ScimException.invalidValue(ENTERPRISE_SCHEMA + ":employeeNumber " + EmployeeId.RULE);
        }
        String managerValue = text(enterprise.path("manager"), "value");
        ObjectNode mentoring = user.get(MENTORING_USER_SCHEMA) instanceof ObjectNode m ? m : null;
        if (mentoring != null) {
            checkMentoring(mentoring);
        }
        checkLengths(user, kept, userName, externalId, managerValue);
        return new UserWrite(userName, externalId, displayName, timeZone, language, active,
                employeeNumber == null ? null : employeeNumber.strip(), managerValue, kept, mentoring);
    }

    private static void checkMentoring(ObjectNode mentoring) {
        String where = MENTORING_USER_SCHEMA + ":";
        JsonNode capacity = mentoring.get("mentorCapacity");
        if (capacity != null && !capacity.isNull() && (capacity.intValue() < 0 || capacity.intValue() > 20)) {
            throw ScimException.invalidValue(where + "mentorCapacity must be 0-20");
        }
        JsonNode years = mentoring.get("yearsOfExperience");
        if (years != null && !years.isNull() && (years.intValue() < 0 || years.intValue() > 60)) {
            throw ScimException.invalidValue(where + "yearsOfExperience must be 0-60");
        }
        String seniority = text(mentoring, "seniority");
        if (seniority != null) {
            try {
                Seniority.valueOf(seniority.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw ScimException.invalidValue(where + "seniority must be one of JUNIOR, MID, SENIOR, LEAD, EXECUTIVE");
            }
        }
        for (String list : List.of("expertise", "industries")) {
            JsonNode terms = mentoring.get(list);
            if (terms == null || terms.isNull()) {
                continue;
            }
            if (terms.size() > MAX_LIST) {
                throw ScimException.invalidValue(where + list + " takes at most " + MAX_LIST + " terms");
            }
            for (JsonNode term : terms) {
                if (!TERM.matcher(term.asText()).matches()) {
                    throw ScimException.invalidValue(where + list + ": each term must be 1-60 letters, digits, spaces or + # . -");
                }
            }
        }
    }

    private static void checkLengths(ObjectNode user, ObjectNode kept, String userName, String externalId, String managerValue) {
        if (userName.length() > MAX_STRING) {
            throw ScimException.invalidValue("userName must be at most " + MAX_STRING + " characters");
        }
        if (externalId != null && externalId.length() > MAX_STRING) {
            throw ScimException.invalidValue("externalId must be at most " + MAX_STRING + " characters");
        }
        if (managerValue != null && managerValue.length() > MAX_STRING) {
            throw ScimException.invalidValue(ENTERPRISE_SCHEMA + ":manager.value must be at most " + MAX_STRING + " characters");
        }
        for (String list : List.of("emails", "phoneNumbers", "addresses")) {
            if (kept.path(list).size() > MAX_LIST) {
                throw ScimException.invalidValue(list + " takes at most " + MAX_LIST + " values");
            }
        }
        if (serialised(kept).length() > MAX_KEPT_BYTES) {
            throw ScimException.invalidValue("the user's attributes take more than " + MAX_KEPT_BYTES / 1024 + " KB");
        }
    }

    /** A display name from the name parts: formatted, else given and family name, else the userName. */
    private static String madeName(JsonNode name, String userName) {
        String formatted = text(name, "formatted");
        if (formatted != null && !formatted.isBlank()) {
            return formatted.length() > 120 ? formatted.substring(0, 120) : formatted;
        }
        String joined = String.join(" ", java.util.stream.Stream.of(text(name, "givenName"), text(name, "familyName"))
                .filter(part -> part != null && !part.isBlank()).map(String::strip).toList());
        String made = joined.isEmpty() ? userName : joined;
        return made.length() > 120 ? made.substring(0, 120) : made;
    }

    /**
     * The employee id a new User gets: employeeNumber; else its externalId or userName when either is a valid employee id
     * (identity providers that send no employeeNumber); else the write is refused naming employeeNumber.
     */
    static String employeeIdForNew(UserWrite write) {
        if (write.employeeNumber() != null) {
            return write.employeeNumber();
        }
        if (write.externalId() != null && EmployeeId.isValid(write.externalId())) {
            return write.externalId();
        }
        if (EmployeeId.isValid(write.userName())) {
            return write.userName();
        }
        throw ScimException.invalidValue(ENTERPRISE_SCHEMA + ":employeeNumber is required (the person's employee id, which "
                + "their sign-in token carries) when neither externalId nor userName is one (" + EmployeeId.RULE + ")");
    }

    /** Applies the write's participant fields; whether anything an event carries changed is for the caller to compare. */
    static void apply(UserWrite write, Participant p, String managerEmployeeId) {
        p.userName = write.userName();
        p.externalId = write.externalId();
        p.displayName = write.displayName();
        if (write.timeZone() != null) {
            p.timeZone = write.timeZone();
        } else if (p.timeZone == null) {
            p.timeZone = "UTC";
        }
        if (write.language() != null) {
            Set<String> languages = new LinkedHashSet<>();
            languages.add(write.language());
            if (p.languages != null) {
                languages.addAll(List.of(p.languages));
            }
            p.languages = languages.stream().limit(10).toArray(String[]::new);
        } else if (p.languages == null || p.languages.length == 0) {
            p.languages = new String[] {"en"};
        }
        if (write.employeeNumber() != null) {
            p.employeeId = write.employeeNumber();
        }
        p.managerEmployeeId = managerEmployeeId;
        ObjectNode kept = write.kept().deepCopy();
        if (p.languages.length > 0 && p.languages[0].equals(text(kept, "preferredLanguage"))) {
            kept.remove("preferredLanguage"); // the language as the User shows it anyway: nothing of its own to keep
        }
        p.scim = kept.isEmpty() ? null : serialised(kept);
        ObjectNode mentoring = write.mentoring();
        if (mentoring != null) {
            JsonNode mentor = mentoring.get("mentor");
            JsonNode capacity = mentoring.get("mentorCapacity");
            if (mentor != null && !mentor.isNull()) {
                setMentor(p, mentor.booleanValue());
            }
            if (capacity != null && !capacity.isNull()) {
                p.mentorCapacity = capacity.intValue();
            }
            JsonNode mentee = mentoring.get("mentee");
            if (mentee != null && !mentee.isNull()) {
                p.mentee = mentee.booleanValue();
            }
            String seniority = text(mentoring, "seniority");
            if (seniority != null) {
                p.seniority = Seniority.valueOf(seniority.strip().toUpperCase(Locale.ROOT));
            }
            JsonNode years = mentoring.get("yearsOfExperience");
            if (years != null && !years.isNull()) {
                p.yearsOfExperience = years.intValue();
            }
            if (mentoring.has("expertise")) {
                p.expertise = terms(mentoring.get("expertise"));
            }
            if (mentoring.has("industries")) {
                p.industries = terms(mentoring.get("industries"));
            }
        }
    }

    /**
     * What a PATCH removed of the attributes mapped onto the participant, made explicit in the patched User (where a
     * User left out of a PUT keeps them): a removed mentoring attribute is cleared (no role, no terms, the default
     * seniority, 0), a removed timezone is UTC; employeeNumber and active cannot be removed.
     */
    static void removed(ObjectNode current, ObjectNode patched) {
        JsonNode before = current.path(MENTORING_USER_SCHEMA);
        ObjectNode after = patched.get(MENTORING_USER_SCHEMA) instanceof ObjectNode m ? m : patched.putObject(MENTORING_USER_SCHEMA);
        before.fieldNames().forEachRemaining(name -> {
            if (after.has(name)) {
                return;
            }
            switch (name) {
                case "mentor", "mentee" -> after.put(name, false);
                case "expertise", "industries" -> after.putArray(name);
                case "seniority" -> after.put(name, Seniority.MID.name());
                default -> after.put(name, 0); // mentorCapacity, yearsOfExperience
            }
        });
        if (current.has("timezone") && !patched.hasNonNull("timezone")) {
            patched.put("timezone", "UTC");
        }
        if (!patched.path(ENTERPRISE_SCHEMA).hasNonNull("employeeNumber")) {
            throw ScimException.invalidValue(ENTERPRISE_SCHEMA + ":employeeNumber cannot be removed: it is the person's employee id");
        }
        if (!patched.hasNonNull("active")) {
            throw ScimException.invalidValue("active cannot be removed: replace it with true or false");
        }
    }

    /** Everything a SCIM write may change of a participant, as one comparable string. */
    static String stored(Participant p) {
        return String.join("|", ProfileChanges.state(p), String.valueOf(p.employeeId), String.valueOf(p.userName),
                String.valueOf(p.externalId), String.valueOf(p.scim));
    }

    /** Gives or takes the mentor role; a new mentor gets the default capacity and takes mentees. */
    static void setMentor(Participant p, boolean mentor) {
        if (mentor && !p.mentor) {
            p.mentorAccepting = true;
            if (p.mentorCapacity == 0) {
                p.mentorCapacity = ProfileChanges.DEFAULT_MENTOR_CAPACITY;
            }
        }
        p.mentor = mentor;
    }

    private static String[] terms(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list != null) {
            list.forEach(term -> values.add(term.asText()));
        }
        return ProfileMapping.terms(values);
    }

    /** The participant as a SCIM User (without meta.location, which the caller's address gives). */
    static ObjectNode user(Participant p, List<ScimGroupRepository.Membership> groups) {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE_SCHEMA).add(MENTORING_USER_SCHEMA);
        user.put("id", p.id.toString());
        if (p.externalId != null) {
            user.put("externalId", p.externalId);
        }
        user.put("userName", p.userName != null ? p.userName : p.employeeId);
        ObjectNode kept = kept(p);
        ObjectNode keptEnterprise = kept.remove(ENTERPRISE_SCHEMA) instanceof ObjectNode e ? e : NODES.objectNode();
        user.put("displayName", p.displayName);
        user.setAll(kept);
        if (!user.has("preferredLanguage") && p.languages != null && p.languages.length > 0) {
            user.put("preferredLanguage", p.languages[0]);
        }
        user.put("timezone", p.timeZone);
        user.put("active", p.active);
        if (!groups.isEmpty()) {
            ArrayNode list = user.putArray("groups");
            for (ScimGroupRepository.Membership group : groups) {
                list.addObject().put("value", group.groupId().toString()).put("display", group.groupName()).put("type", "direct");
            }
        }
        ObjectNode enterprise = user.putObject(ENTERPRISE_SCHEMA);
        enterprise.put("employeeNumber", p.employeeId);
        enterprise.setAll(keptEnterprise);
        if (p.managerEmployeeId == null) {
            enterprise.remove("manager");
        } else if (!enterprise.has("manager")) {
            enterprise.putObject("manager").put("value", p.managerEmployeeId);
        }
        ObjectNode mentoring = user.putObject(MENTORING_USER_SCHEMA);
        mentoring.put("mentor", p.mentor);
        mentoring.put("mentorCapacity", p.mentorCapacity);
        mentoring.put("mentee", p.mentee);
        mentoring.put("seniority", p.seniority == null ? null : p.seniority.name());
        mentoring.put("yearsOfExperience", p.yearsOfExperience);
        ArrayNode expertise = mentoring.putArray("expertise");
        for (String term : p.expertise) {
            expertise.add(term);
        }
        ArrayNode industries = mentoring.putArray("industries");
        for (String term : p.industries) {
            industries.add(term);
        }
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.createdAt));
        meta.put("lastModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.updatedAt));
        meta.put("version", version(p.version, shownGroups(groups)));
        return user;
    }

    /** A SCIM version: a weak ETag. */
    static String version(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * A SCIM version of a resource whose representation also shows other rows (a User its groups, a Group its members'
     * names): the row's version and a digest of what it shows of the others, so that the ETag changes with the
     * representation.
     */
    static String version(long version, String shown) {
        if (shown == null || shown.isEmpty()) {
            return version(version);
        }
        return "W/\"" + version + "-" + Integer.toHexString(shown.hashCode()) + "\"";
    }

    /** What a User shows of its groups, for its version. */
    static String shownGroups(List<ScimGroupRepository.Membership> groups) {
        StringBuilder shown = new StringBuilder();
        groups.forEach(g -> shown.append(g.groupId()).append('=').append(g.groupName()).append(';'));
        return shown.toString();
    }

    private static ObjectNode kept(Participant p) {
        if (p.scim == null) {
            return NODES.objectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(p.scim);
        } catch (JsonProcessingException | ClassCastException unreadable) {
            return NODES.objectNode();
        }
    }

    private static String serialised(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
