package dev.mentoring.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A new request id is a random version-4 UUID in its usual text, as {@link UUID#randomUUID()} gave. */
class RequestIdTest {

    @Test
    void newIdsAreDistinctVersionFourUuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ServiceProxy.newRequestId();
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
            assertEquals(parsed.toString(), id);
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }
}
