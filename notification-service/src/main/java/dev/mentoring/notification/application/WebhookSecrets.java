package dev.mentoring.notification.application;

import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.notification.events.WebhookSettings;
import dev.mentoring.notification.persistence.WebhookEndpointRepository;
import dev.mentoring.plumbing.crypto.KeyedCipher;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The endpoints' signing secrets at rest: sealed with AES-256-GCM under the active key of
 * {@code mentoring.webhooks.secret-keys} ({@code sealed:<key id>:<nonce>:<ciphertext>}), bound to the endpoint's tenant
 * and id so that a sealed secret copied to another endpoint does not open. A secret stored in the clear before the
 * encryption came (it starts with {@code whsec_}) still opens, and is sealed at the relay's first pass.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String SEALED = "sealed:";

    private final KeyedCipher cipher;
    private final WebhookEndpointRepository endpoints;

    WebhookSecrets(WebhookSettings settings, WebhookEndpointRepository endpoints) {
        settings.secretKeys().keys().keySet().forEach(id -> {
            if (id.contains(":")) {
                throw new IllegalArgumentException("webhook secret key id " + id + " contains ':'");
            }
        });
        this.cipher = new KeyedCipher("webhook secret", settings.secretKeys().active(), settings.secretKeys().keys());
        this.endpoints = endpoints;
    }

    /** The secret as stored. */
    String seal(String tenant, UUID endpoint, String secret) {
        KeyedCipher.Sealed sealed = cipher.seal(secret, bound(tenant, endpoint));
        Base64.Encoder base64 = Base64.getEncoder();
        return SEALED + sealed.keyId() + ":" + base64.encodeToString(sealed.nonce()) + ":" + base64.encodeToString(sealed.ciphertext());
    }

    /** The secret a stored one holds (one stored in the clear before the encryption came is itself). */
    String open(String tenant, UUID endpoint, String stored) {
        if (stored == null || !stored.startsWith(SEALED)) {
            return stored;
        }
        String[] parts = stored.substring(SEALED.length()).split(":", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("the stored webhook secret of endpoint " + endpoint + " is not sealed as expected");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return cipher.open(new KeyedCipher.Sealed(parts[0], base64.decode(parts[1]), base64.decode(parts[2])), bound(tenant, endpoint));
    }

    /** Seals the secrets stored in the clear before the encryption came; answers how many endpoints it sealed. */
    @WithTransaction
    public Uni<Integer> sealStoredInTheClear() {
        return endpoints.withSecretsInTheClear().map(found -> {
            found.forEach(endpoint -> {
                if (endpoint.secret != null && !endpoint.secret.startsWith(SEALED)) {
                    endpoint.secret = seal(endpoint.tenant, endpoint.id, endpoint.secret);
                }
                if (endpoint.previousSecret != null && !endpoint.previousSecret.startsWith(SEALED)) {
                    endpoint.previousSecret = seal(endpoint.tenant, endpoint.id, endpoint.previousSecret);
                }
            });
            return found.size();
        });
    }

    private static String bound(String tenant, UUID endpoint) {
        return "webhook-endpoint/" + tenant + "/" + endpoint;
    }
}
