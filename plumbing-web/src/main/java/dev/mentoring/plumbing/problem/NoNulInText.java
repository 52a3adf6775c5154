package dev.mentoring.plumbing.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * No text read from JSON may hold the NUL character (U+0000, {@code "\u0000"} in JSON): PostgreSQL cannot store it in a
 * text column, so a body carrying one would fail at the database. It is refused where it is read instead: 400 naming
 * the field ({@link ProblemResponses}).
 */
@Singleton
public class NoNulInText implements ObjectMapperCustomizer {

    /** A text field held the NUL character. */
    public static final class NulInText extends JsonMappingException {

        public static final String MESSAGE = "must not contain the NUL character (U+0000)";

        NulInText(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-nul-in-text").addDeserializer(String.class, new Texts()));
    }

    private static final class Texts extends StdScalarDeserializer<String> {

        Texts() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new NulInText(parser);
            }
            return text;
        }
    }
}
