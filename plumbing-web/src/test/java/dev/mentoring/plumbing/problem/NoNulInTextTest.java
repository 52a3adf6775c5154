package dev.mentoring.plumbing.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A text holding NUL is refused where it is read, with the path of its field; other texts read as before. */
class NoNulInTextTest {

    record Item(String title, List<String> tags) {
    }

    record Body(String name, List<Item> items) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new NoNulInText().customize(mapper);
        return mapper;
    }

    @Test
    void aNulAnywhereIsRefusedWithItsFieldsPath() {
        assertThatThrownBy(() -> mapper().readValue("{\"name\":\"a\\u0000b\"}", Body.class))
                .isInstanceOf(NoNulInText.NulInText.class)
                .satisfies(e -> assertThat(ProblemResponses.jsonPath((JsonMappingException) e)).isEqualTo("name"));
        assertThatThrownBy(() -> mapper().readValue("{\"items\":[{\"title\":\"ok\",\"tags\":[\"x\",\"\\u0000\"]}]}", Body.class))
                .isInstanceOf(NoNulInText.NulInText.class)
                .satisfies(e -> assertThat(ProblemResponses.jsonPath((JsonMappingException) e)).isEqualTo("items[0].tags[1]"));
    }

    @Test
    void otherTextsReadAsBefore() throws Exception {
        Body body = mapper().readValue("{\"name\":\"Åse \\u00e6 \\ud83d\\ude00\",\"items\":[{\"title\":null,\"tags\":[\"a\",\"b\"]}]}", Body.class);
        assertThat(body.name()).isEqualTo("Åse æ 😀");
        assertThat(body.items().get(0).title()).isNull();
        assertThat(body.items().get(0).tags()).containsExactly("a", "b");
        assertThat(mapper().readValue("{\"name\":12}", Body.class).name()).isEqualTo("12");
    }
}
