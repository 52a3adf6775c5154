package dev.mentoring.plumbing.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Note encryption and the rotation of its keys: new notes take the active key, old ones still open with theirs. */
class KeyedCipherTest {

    private static final String KEY_2026 = key('a');
    private static final String KEY_2027 = key('b');

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    @Test
    void aNoteSealedWithTheActiveKeyOpensAndNamesItsKey() {
        KeyedCipher cipher = new KeyedCipher("note", "2026-01", Map.of("2026-01", KEY_2026));
        KeyedCipher.Sealed sealed = cipher.seal("Practise the pitch twice", "tenant/note-1");
        assertThat(sealed.keyId()).isEqualTo("2026-01");
        assertThat(new String(sealed.ciphertext())).doesNotContain("pitch");
        assertThat(cipher.open(sealed, "tenant/note-1")).isEqualTo("Practise the pitch twice");
    }

    @Test
    void afterARotationNewNotesTakeTheNewKeyAndOldNotesStillOpen() {
        KeyedCipher.Sealed old = new KeyedCipher("note", "2026-01", Map.of("2026-01", KEY_2026)).seal("old note", "t/n-1");
        KeyedCipher rotated = new KeyedCipher("note", "2027-01", Map.of("2026-01", KEY_2026, "2027-01", KEY_2027));
        KeyedCipher.Sealed fresh = rotated.seal("new note", "t/n-2");
        assertThat(fresh.keyId()).isEqualTo("2027-01");
        assertThat(rotated.open(old, "t/n-1")).isEqualTo("old note");
        assertThat(rotated.open(fresh, "t/n-2")).isEqualTo("new note");
    }

    @Test
    void aNoteWhoseKeyWasRemovedSaysWhichKeyIsMissing() {
        KeyedCipher.Sealed old = new KeyedCipher("note", "2026-01", Map.of("2026-01", KEY_2026)).seal("old note", "t/n-1");
        KeyedCipher withoutOld = new KeyedCipher("note", "2027-01", Map.of("2027-01", KEY_2027));
        assertThatThrownBy(() -> withoutOld.open(old, "t/n-1")).hasMessageContaining("note key 2026-01 is not configured");
    }

    @Test
    void aCiphertextMovedToAnotherNoteDoesNotOpen() {
        KeyedCipher cipher = new KeyedCipher("note", "2026-01", Map.of("2026-01", KEY_2026));
        KeyedCipher.Sealed sealed = cipher.seal("mine", "tenant-a/note-1");
        assertThatThrownBy(() -> cipher.open(sealed, "tenant-b/note-1")).hasMessageContaining("does not decrypt");
    }

    @Test
    void keysThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> new KeyedCipher("note", "2027-01", Map.of("2026-01", KEY_2026)))
                .hasMessageContaining("the active note key 2027-01 is not configured");
        assertThatThrownBy(() -> new KeyedCipher("note", "short", Map.of("short", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("not 32 bytes");
    }
}
