package dev.mentoring.plumbing.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;

/** A token not accepted is logged at INFO at most every 10 s, by the kinds of failure and never their messages. */
class TokenRefusalsTest {

    @Test
    void oneLineInTenSeconds() {
        AtomicLong next = new AtomicLong();
        assertThat(TokenRefusals.due(next)).as("the first is logged").isTrue();
        assertThat(TokenRefusals.due(next)).as("the next within 10 s is not").isFalse();
        next.set(System.nanoTime() - 1); // 10 s later
        assertThat(TokenRefusals.due(next)).as("after 10 s one is logged again").isTrue();
        assertThat(TokenRefusals.due(next)).isFalse();
        assertThat(next.get() - System.nanoTime()).as("and the next waits 10 s more").isGreaterThan(TimeUnit.SECONDS.toNanos(9));
    }

    @Test
    void loggedByKindWithoutTheClaims() {
        List<LogRecord> seen = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(TokenRefusals.class.getName());
        logger.addHandler(handler);
        try {
            TokenRefusals.NEXT_NOTE.set(0);
            Throwable refused = new AuthenticationFailedException(new IllegalStateException("claims {\"employee_id\":\"E-1\"}"));
            TokenRefusals.note("/participants/me", refused);
            TokenRefusals.note("/participants/me", refused);
            List<String> info = seen.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                    .map(TokenRefusalsTest::text).toList();
            assertThat(info).hasSize(1);
            assertThat(info.get(0)).contains("/participants/me", "AuthenticationFailedException <- IllegalStateException")
                    .doesNotContain("E-1");
        } finally {
            logger.removeHandler(handler);
        }
    }

    /** A record's text as written: JBoss Logging hands it on formatted, or as a printf format with its parameters. */
    private static String text(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? record.getMessage() : String.format(record.getMessage(), parameters);
    }
}
