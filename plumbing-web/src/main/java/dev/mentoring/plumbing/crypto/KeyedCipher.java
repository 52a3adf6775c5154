package dev.mentoring.plumbing.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a text at rest (a session note, a webhook signing secret) with AES-256-GCM. Each text gets a fresh 96-bit
 * nonce; what it belongs to (e.g. its row's tenant and id) is bound in as associated data, so a ciphertext copied to
 * another row does not decrypt. The key id is stored with the text: new texts use the active key, old ones still
 * decrypt with theirs, so keys rotate by adding a key and making it active.
 */
public final class KeyedCipher {

    /** A sealed text: the key id, the nonce and the ciphertext (with its tag). */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String active;
    /** What the keys are for, in the messages: {@code note}, {@code webhook secret}. */
    private final String purpose;

    /**
     * @param purpose    what the keys are for, as the messages name them, e.g. {@code note}
     * @param active     the id of the key new texts are sealed with
     * @param base64Keys every key by id: Base64 of 32 bytes (AES-256)
     */
    public KeyedCipher(String purpose, String active, Map<String, String> base64Keys) {
        this.purpose = purpose;
        base64Keys.forEach((id, key) -> {
            byte[] bytes = Base64.getDecoder().decode(key.trim());
            if (bytes.length != 32) {
                throw new IllegalArgumentException(purpose + " key " + id + " is not 32 bytes (AES-256)");
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!keys.containsKey(active)) {
            throw new IllegalArgumentException("the active " + purpose + " key " + active + " is not configured");
        }
        this.active = active;
    }

    public Sealed seal(String text, String associatedData) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new Sealed(active, nonce, cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(purpose + " encryption failed", e);
        }
    }

    public String open(Sealed sealed, String associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException(purpose + " key " + sealed.keyId() + " is not configured any more");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the " + purpose + " of " + associatedData + " does not decrypt", e);
        }
    }
}
