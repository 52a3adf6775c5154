package dev.mentoring.plumbing.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;

/** What a failure carries is found through its causes and a composite's causes, once each, whatever their shape. */
class CausesTest {

    @Test
    void theChainOutermostFirst() {
        IOException reset = new IOException("reset");
        CompletionException outer = new CompletionException(new UncheckedIOException(reset));
        assertThat(Causes.of(outer)).extracting(Throwable::getClass)
                .containsExactly(CompletionException.class, UncheckedIOException.class, IOException.class);
        assertThat(Causes.any(outer, IOException.class)).isTrue();
        assertThat(Causes.any(outer, IllegalArgumentException.class)).isFalse();
        assertThat(Causes.first(outer, t -> t.getMessage() != null && t.getMessage().equals("reset"))).contains(reset);
    }

    @Test
    void aCompositesEveryCause() {
        IllegalStateException first = new IllegalStateException("first");
        IOException second = new IOException("second", new IllegalArgumentException("inside the second"));
        CompositeException composite = new CompositeException(first, second);
        assertThat(Causes.any(new CompletionException(composite), IllegalArgumentException.class))
                .as("a cause of the composite's second failure").isTrue();
        assertThat(Causes.of(composite)).as("the first cause is the composite's own cause too: listed once")
                .containsExactly(composite, first, second, second.getCause());
    }

    @Test
    void aCausesChainBeforeTheFailuresThatFollowedIt() {
        IllegalStateException deepest = new IllegalStateException("what the first failure carried");
        IOException first = new IOException("first", deepest);
        IllegalArgumentException later = new IllegalArgumentException("a callback's failure after it");
        CompositeException composite = new CompositeException(first, later);
        assertThat(Causes.of(composite)).as("depth first: the first failure's chain, then the later ones")
                .containsExactly(composite, first, deepest, later);
        assertThat(Causes.first(composite, t -> t instanceof IllegalStateException || t instanceof IllegalArgumentException))
                .contains(deepest);
    }

    @Test
    void aLoopOfCausesEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(Causes.of(a)).containsExactly(a, b);
        assertThat(Causes.any(a, IOException.class)).isFalse();
    }

    @Test
    void aLongChainIsCut() {
        Throwable failure = new IOException("deepest");
        for (int i = 0; i < 1_000; i++) {
            failure = new IllegalStateException("level " + i, failure);
        }
        assertThat(Causes.of(failure)).hasSize(Causes.MOST);
    }

    @Test
    void nothingForNull() {
        assertThat(Causes.of(null)).isEmpty();
        assertThat(Causes.any(null, Throwable.class)).isFalse();
        assertThat(Causes.describe(null, true, 100)).isEmpty();
    }

    @Test
    void describedForALog() {
        Throwable failure = new CompletionException(new IOException("reset by peer"));
        assertThat(Causes.describe(failure, false, 500)).isEqualTo("CompletionException <- IOException");
        assertThat(Causes.describe(failure, true, 500)).endsWith("IOException: reset by peer");
        assertThat(Causes.describe(failure, true, 10)).hasSize(10);
    }
}
