package dev.mentoring.matching.domain.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attributes of one SCIM schema (RFC 7643 section 7), as the discovery endpoint describes them and as the filter,
 * PATCH and projection code reads them: names (matched case-insensitively), types, plurality, mutability, what is
 * returned and whether strings compare case-exact.
 */
public record ScimSchema(String id, String name, String description, List<Attribute> attributes) {

    /** An attribute's type, with its RFC 7643 name. */
    public enum Type {
        STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
        REFERENCE("reference"), COMPLEX("complex");

        public final String scimName;

        Type(String scimName) {
            this.scimName = scimName;
        }
    }

    /** Who may change an attribute. */
    public enum Mutability {
        READ_ONLY("readOnly"), READ_WRITE("readWrite"), IMMUTABLE("immutable"), WRITE_ONLY("writeOnly");

        public final String scimName;

        Mutability(String scimName) {
            this.scimName = scimName;
        }
    }

    /** When an attribute is returned. */
    public enum Returned {
        ALWAYS("always"), NEVER("never"), DEFAULT("default"), REQUEST("request");

        public final String scimName;

        Returned(String scimName) {
            this.scimName = scimName;
        }
    }

    /** One attribute; a complex one has sub-attributes. */
    public record Attribute(String name, Type type, boolean multiValued, boolean required, boolean caseExact,
            Mutability mutability, Returned returned, String uniqueness, List<String> canonicalValues,
            List<String> referenceTypes, List<Attribute> subAttributes, String description) {

        /** The sub-attribute of this name, in any letter case. */
        public Optional<Attribute> sub(String subName) {
            return find(subAttributes, subName);
        }

        public boolean complex() {
            return type == Type.COMPLEX;
        }
    }

    /** The attribute of this name, in any letter case. */
    public Optional<Attribute> attribute(String attributeName) {
        return find(attributes, attributeName);
    }

    static Optional<Attribute> find(List<Attribute> attributes, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return attributes.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** A fluent way to write an attribute: {@code string("userName").required().caseInsensitiveUnique()}. */
    public static final class Builder {
        private final String name;
        private final Type type;
        private boolean multiValued;
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private String uniqueness = "none";
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private final List<Attribute> subAttributes = new ArrayList<>();
        private String description = "";

        private Builder(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        public Builder multi() {
            multiValued = true;
            return this;
        }

        public Builder required() {
            required = true;
            return this;
        }

        public Builder caseExact() {
            caseExact = true;
            return this;
        }

        public Builder readOnly() {
            mutability = Mutability.READ_ONLY;
            return this;
        }

        public Builder immutable() {
            mutability = Mutability.IMMUTABLE;
            return this;
        }

        public Builder returned(Returned when) {
            returned = when;
            return this;
        }

        public Builder unique() {
            uniqueness = "server";
            return this;
        }

        public Builder canonical(String... values) {
            canonicalValues = List.of(values);
            return this;
        }

        public Builder references(String... types) {
            referenceTypes = List.of(types);
            return this;
        }

        public Builder sub(Builder... subs) {
            for (Builder sub : subs) {
                subAttributes.add(sub.build());
            }
            return this;
        }

        public Builder describe(String text) {
            description = text;
            return this;
        }

        public Attribute build() {
            return new Attribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                    canonicalValues, referenceTypes, List.copyOf(subAttributes), description);
        }
    }

    public static Builder string(String name) {
        return new Builder(name, Type.STRING);
    }

    public static Builder bool(String name) {
        return new Builder(name, Type.BOOLEAN);
    }

    public static Builder integer(String name) {
        return new Builder(name, Type.INTEGER);
    }

    public static Builder dateTime(String name) {
        return new Builder(name, Type.DATE_TIME);
    }

    public static Builder reference(String name) {
        return new Builder(name, Type.REFERENCE);
    }

    public static Builder complex(String name) {
        return new Builder(name, Type.COMPLEX);
    }
}
