package dev.mentoring.matching.domain.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7644 3.4.2.2 filters: the grammar, precedence, value paths, types, and refusals of anything else. */
class FilterParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode user() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "id":"2819c223-7f76-453a-919d-413861904646","externalId":"ext-1","userName":"Bjensen@Example.com",
                 "name":{"familyName":"Jensen","givenName":"Barbara"},"displayName":"Babs Jensen","title":"Tour Guide",
                 "active":true,"timezone":"Europe/Oslo",
                 "emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@jensen.org","type":"home"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","department":"Tour Operations",
                   "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}},
                 "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User":{"mentor":true,"mentorCapacity":3,
                   "expertise":["java","sailing"]},
                 "meta":{"resourceType":"User","created":"2026-01-23T04:56:22Z","lastModified":"2026-05-13T04:42:34Z","version":"W/\\"3\\""}}
                """);
    }

    private static boolean matches(String filter) throws Exception {
        return FilterParser.filter(filter, ResourceType.USER).test(user());
    }

    @Test
    void theRfcExamplesParseAndMatchAsTheRfcSays() throws Exception {
        assertThat(matches("userName eq \"bjensen@example.com\"")).isTrue(); // caseExact false
        assertThat(matches("name.familyName co \"O'Malley\"")).isFalse();
        assertThat(matches("userName sw \"BJ\"")).isTrue();
        assertThat(matches("title pr")).isTrue();
        assertThat(matches("nickName pr")).isFalse();
        assertThat(matches("meta.lastModified gt \"2026-01-01T00:00:00Z\"")).isTrue();
        assertThat(matches("meta.lastModified ge \"2026-05-13T04:42:34Z\"")).isTrue();
        assertThat(matches("meta.lastModified lt \"2026-05-13T04:42:34+00:00\"")).isFalse();
        assertThat(matches("title pr and userType eq \"Employee\"")).isFalse();
        assertThat(matches("title pr or userType eq \"Intern\"")).isTrue();
        assertThat(matches("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"")).isFalse();
        assertThat(matches("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")")).isFalse();
        assertThat(matches("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")")).isFalse();
        assertThat(matches("userType ne \"Employee\" and not (emails co \"nowhere.com\" or emails.value co \"example.org\")")).isTrue();
        assertThat(matches("emails[type eq \"work\" and value co \"@example.com\"]")).isTrue();
        assertThat(matches("emails[type eq \"home\" and value co \"@example.com\"]")).isFalse();
        assertThat(matches("emails[type eq \"work\" and value co \"@example.com\"] or phoneNumbers[type eq \"fax\" and value co \"555\"]"))
                .isTrue();
    }

    @Test
    void precedenceIsNotThenAndThenOrAndParenthesesGroup() throws Exception {
        // false and false or true = (false and false) or true = true
        assertThat(matches("nickName pr and nickName pr or title pr")).isTrue();
        // false and (false or true) = false
        assertThat(matches("nickName pr and (nickName pr or title pr)")).isFalse();
        assertThat(matches("not (title pr) or active eq true")).isTrue();
        assertThat(matches("not(title pr)")).isFalse();
        assertThat(matches("((((title pr))))")).isTrue();
    }

    @Test
    void operatorsAttributesAndLiteralsInAnyLetterCase() throws Exception {
        assertThat(matches("USERNAME EQ \"BJENSEN@EXAMPLE.COM\"")).isTrue();
        assertThat(matches("active Eq TRUE")).isTrue();
        assertThat(matches("externalId eq \"EXT-1\"")).isFalse(); // externalId is caseExact
        assertThat(matches("id eq \"2819c223-7f76-453a-919d-413861904646\"")).isTrue();
    }

    @Test
    void extensionsByUrnAndWithoutIt() throws Exception {
        assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"")).isTrue();
        assertThat(matches("employeeNumber eq \"701984\"")).isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "
                + "\"26118915-6090-4610-87e4-49d8ca9f808d\"")).isTrue();
        assertThat(matches("urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User:mentorCapacity ge 3")).isTrue();
        assertThat(matches("urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User:mentorCapacity gt 3")).isFalse();
        assertThat(matches("urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User:expertise eq \"Sailing\"")).isTrue();
    }

    @Test
    void presentTestsAComplexAttributeWithoutAValueWhole() throws Exception {
        assertThat(matches("name pr")).isTrue();
        assertThat(matches("addresses pr")).isFalse();
        assertThat(matches("emails pr")).isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager pr")).isTrue();
    }

    @Test
    void nullAndAbsentValues() throws Exception {
        assertThat(matches("nickName eq null")).isTrue();
        assertThat(matches("title ne null")).isTrue();
        assertThat(matches("nickName ne \"x\"")).isTrue();
    }

    @Test
    void refusalsAreInvalidFilterNamingWhatIsWrong() {
        String[] bad = {
                "", " ", "userName", "userName eq", "userName eq bjensen", "userName xx \"a\"", "userName eq \"a",
                "userName eq \"a\" and", "(userName eq \"a\"", "userName eq \"a\")", "noSuchAttribute eq \"a\"",
                "name eq \"a\"", "active gt true", "active eq \"yes\"", "meta.lastModified gt \"yesterday\"",
                "userName gt 3", "emails[type eq \"work\"", "emails[nope eq \"x\"]", "emails[type eq \"work\"][value pr]",
                "name.nope eq \"x\"", "userName.value eq \"x\"", "urn:nope:User:x eq \"1\"", "title co null",
                "userName eq \"\\q\"", "userName eq \"\\u12\"", "not title pr", "userName eq \"a\" or or title pr",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User eq \"x\"", "1 eq 1", "userName eq 1e999999",
                "title eq 1e9999999999", "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User:mentorCapacity gt 1e99999",
        };
        for (String filter : bad) {
            assertThatThrownBy(() -> FilterParser.filter(filter, ResourceType.USER)).as(filter)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType()).isEqualTo("invalidFilter");
                        assertThat(e.getMessage()).isNotBlank();
                    });
        }
    }

    @Test
    void deepNestingAndLongTextAreRefusedNotOverflowed() {
        String deep = "(".repeat(5000) + "title pr" + ")".repeat(5000);
        assertThatThrownBy(() -> FilterParser.filter(deep, ResourceType.USER)).isInstanceOf(ScimException.class);
        String nots = "not (".repeat(40) + "title pr" + ")".repeat(40);
        assertThatThrownBy(() -> FilterParser.filter(nots, ResourceType.USER)).isInstanceOf(ScimException.class);
        String wide = "title pr" + " or title pr".repeat(1000);
        assertThatThrownBy(() -> FilterParser.filter(wide, ResourceType.USER)).isInstanceOf(ScimException.class);
    }

    /** Whatever the text, the parser answers a filter or an invalidFilter: never another failure. */
    @Test
    void randomTextNeverFailsOtherwise() throws Exception {
        Random random = new Random(17);
        String[] pieces = {"userName", "emails", "[", "]", "(", ")", " ", "\"", "eq", "and", "or", "not", "pr", "\\", ".",
                "value", "type", "\"work\"", "true", "null", "12", "-", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
                "manager", "co", "gt", "meta.lastModified", "\"2026-01-01T00:00:00Z\"", "\u0000", "é", "$ref"};
        ObjectNode user = user();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int j = 0; j < n; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            try {
                FilterParser.filter(text.toString(), ResourceType.USER).test(user);
            } catch (ScimException refused) {
                assertThat(refused.status()).isEqualTo(400);
            }
        }
    }

    @Test
    void patchPaths() {
        FilterParser.PatchPath path = FilterParser.patchPath("emails[type eq \"work\"].value", ResourceType.USER);
        assertThat(path.target().attribute().name()).isEqualTo("emails");
        assertThat(path.subAfterFilter().name()).isEqualTo("value");
        assertThat(FilterParser.patchPath("NAME.givenname", ResourceType.USER).target().text()).isEqualTo("name.givenName");
        assertThat(FilterParser.patchPath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", ResourceType.USER)
                .target().urn()).isEqualTo(ResourceType.ENTERPRISE_SCHEMA);
        assertThat(FilterParser.patchPath("members[value eq \"x\"]", ResourceType.GROUP).filter()).isNotNull();
        for (String bad : new String[] {"", "nope", "name[givenName eq \"x\"]", "emails[type eq \"work\"].nope", "emails[", "emails]",
                "userName[value eq \"x\"]", "emails[type eq \"work\"]x"}) {
            assertThatThrownBy(() -> FilterParser.patchPath(bad, ResourceType.USER)).as(bad)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
