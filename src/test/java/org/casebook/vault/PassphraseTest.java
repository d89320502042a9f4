package org.casebook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PassphraseTest {

    @Test
    void emptyBlankAndNullPassphrasesAreRejectedAsBadInput() {
        for (String bad : new String[] {"", " ", "   ", "\t\n", "\u2003\u3000"}) {
            VaultException e = assertThrows(VaultException.class, () -> Passphrase.of(bad), "'" + bad + "'");
            assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
        assertEquals(VaultException.Kind.BAD_INPUT,
                assertThrows(VaultException.class, () -> Passphrase.of((String) null)).kind());
        assertEquals(VaultException.Kind.BAD_INPUT,
                assertThrows(VaultException.class, () -> Passphrase.of(new char[0])).kind());
    }

    @Test
    void nulCharacterIsRejectedWithoutEchoingThePassphrase() {
        VaultException e = assertThrows(VaultException.class, () -> Passphrase.of("secret\0word"));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the message must not contain the passphrase");
    }

    @Test
    void passphraseIsNormalisedToNfc() {
        try (Passphrase composed = Passphrase.of("caf\u00e9 cr\u00e8me");
             Passphrase decomposed = Passphrase.of("cafe\u0301 cre\u0300me")) {
            assertEquals(composed.keyText(), decomposed.keyText());
            assertEquals("caf\u00e9 cr\u00e8me", decomposed.keyText());
        }
    }

    @Test
    void surroundingSpacesAreKeptAsTyped() {
        try (Passphrase p = Passphrase.of("  two words ")) {
            assertEquals("  two words ", p.keyText());
        }
    }

    @Test
    void toStringHidesTheTextAndCloseWipesIt() {
        Passphrase p = Passphrase.of("hunter2 hunter2");
        assertFalse(p.toString().contains("hunter2"));
        char[] input = "abc def".toCharArray();
        Passphrase q = Passphrase.of(input);
        q.close();
        assertEquals("\0".repeat(7), q.keyText());
        assertEquals("abc def", new String(input), "the caller's array is not changed");
        p.close();
    }
}
