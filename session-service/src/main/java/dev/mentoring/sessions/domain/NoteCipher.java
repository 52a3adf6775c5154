package dev.mentoring.sessions.domain;

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
 * Encrypts note text at rest with AES-256-GCM. Each note gets a fresh 96-bit nonce; the note's id and
 * tenant are bound in as associated data, so a ciphertext copied to another row does not decrypt. The key
 * id is stored with the note: new notes use the active key, old ones still decrypt with theirs, so keys
 * rotate by adding a key and making it active.
 */
public final class NoteCipher {

    /** A sealed text: the key id, the nonce and the ciphertext (with its tag). */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String active;

    public NoteCipher(String active, Map<String, String> base64Keys) {
        base64Keys.forEach((id, key) -> {
            byte[] bytes = Base64.getDecoder().decode(key.trim());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("note key " + id + " is not 32 bytes (AES-256)");
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!keys.containsKey(active)) {
            throw new IllegalArgumentException("the active note key " + active + " is not configured");
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
            throw new IllegalStateException("note encryption failed", e);
        }
    }

    public String open(Sealed sealed, String associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("note key " + sealed.keyId() + " is not configured any more");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("note " + associatedData + " does not decrypt", e);
        }
    }
}
