package dev.mentoring.plumbing.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;

/** Which refusals are asked again: only a key OIDC could not resolve (yet), wherever it sits in the causes. */
class CachedBearerAuthenticationTest {

    @Test
    void anUnresolvableKeyIsAskedAgainWhereverItIsInTheCauses() {
        UnresolvableKeyException key = new UnresolvableKeyException("no key for kid k2");
        assertThat(CachedBearerAuthentication.unresolvableKey(key)).isTrue();
        assertThat(CachedBearerAuthentication.unresolvableKey(new AuthenticationFailedException(
                new InvalidJwtException("invalid", List.of(), null) {
                    @Override
                    public synchronized Throwable getCause() {
                        return key;
                    }
                }))).isTrue();
    }

    @Test
    void otherRefusalsAreNot() {
        assertThat(CachedBearerAuthentication.unresolvableKey(new AuthenticationFailedException("expired"))).isFalse();
        assertThat(CachedBearerAuthentication.unresolvableKey(new AuthenticationFailedException(new IllegalStateException("x"))))
                .isFalse();
        assertThat(CachedBearerAuthentication.unresolvableKey(null)).isFalse();
    }
}
