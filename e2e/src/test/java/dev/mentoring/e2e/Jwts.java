package dev.mentoring.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds, signs, reads and tampers with compact JWTs, for the token matrix. */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static Map<String, Object> header(String token) {
        return part(token, 0);
    }

    static Map<String, Object> claims(String token) {
        return part(token, 1);
    }

    /** RS256 over the header and claims with this private key. */
    static String rs256(String kid, Map<String, Object> claims, PrivateKey key) {
        String input = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The "algorithm confusion" attack: HS256 keyed with the issuer's public key. */
    static String hs256(String kid, Map<String, Object> claims, byte[] secret) {
        String input = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", kid)) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}, empty signature). */
    static String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
    }

    /** The token with its claims replaced and its original signature kept. */
    static String withClaims(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    static Map<String, Object> copy(Map<String, Object> claims, Object... changes) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                copy.remove((String) changes[i]);
            } else {
                copy.put((String) changes[i], changes[i + 1]);
            }
        }
        return copy;
    }

    private static String encode(Object json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> part(String token, int index) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[index]), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
