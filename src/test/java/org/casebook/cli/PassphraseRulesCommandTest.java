package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.PASSPHRASE;
import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.env;
import static org.casebook.cli.CliTestSupport.noTerminal;
import static org.casebook.cli.CliTestSupport.ok;
import static org.casebook.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.casebook.cli.CliTestSupport.Result;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PassphraseStrength;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line refuses guessable passphrases by the app's rule, and offers the stronger key derivation. */
class PassphraseRulesCommandTest {
    /** Rated "very weak" by the estimate: a top password with a digit. */
    private static final String GUESSABLE = "password1";

    @TempDir
    Path dir;

    @Test
    void initRefusesAPassphraseTheAppWouldRefuseAndCreatesNothing() throws IOException {
        assertFalse(PassphraseStrength.estimate(GUESSABLE).acceptable(), "the app's create dialog refuses it");
        Path file = dir.resolve("weak.casebook");

        Result r = run(env(Passphrases.ENV, GUESSABLE), noTerminal(), "", "init", "--vault", file.toString());

        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("too easy to guess"), r::toString);
        assertFalse(Files.exists(file), "nothing is created");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no temporary file is left");
        }
        // The same rule lets through what the app lets through.
        assertTrue(PassphraseStrength.estimate(PASSPHRASE).acceptable());
        ok(cli("init", "--vault", file.toString()));
    }

    @Test
    void passwdRefusesAGuessableNewPassphraseAndKeepsTheOldOne() {
        Path file = dir.resolve("kept.casebook");
        ok(cli("init", "--vault", file.toString()));

        Result r = run(env(Passphrases.ENV, PASSPHRASE, Passphrases.NEW_ENV, "qwerty123"), noTerminal(), "",
                "passwd", "--vault", file.toString());

        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("too easy to guess") && r.err().contains("Nothing was changed"), r::toString);
        ok(cli("case", "list", "--vault", file.toString()));
    }

    @Test
    void initAndPasswdChooseTheKeyDerivationAndEveryCommandOpensEither() {
        Path file = dir.resolve("stronger.casebook");
        ok(cli("init", "--vault", file.toString(), "--key-derivation", "stronger"));
        ok(cli("case", "add", "--vault", file.toString(), "--title", "Opened without being told"));
        assertEquals(KeyDerivation.STRONGER, settingOf(file, PASSPHRASE));

        String next = "quince meadow harbour 7";
        Result keep = run(env(Passphrases.ENV, PASSPHRASE, Passphrases.NEW_ENV, next), noTerminal(), "",
                "passwd", "--vault", file.toString());
        assertTrue(ok(keep).contains("stronger setting (1,000,000 iterations)"), keep::toString);
        assertEquals(KeyDerivation.STRONGER, settingOf(file, next), "a passphrase change keeps the setting");

        ok(run(env(Passphrases.ENV, next, Passphrases.NEW_ENV, PASSPHRASE), noTerminal(), "",
                "passwd", "--vault", file.toString(), "--key-derivation", "standard"));
        assertEquals(KeyDerivation.STANDARD, settingOf(file, PASSPHRASE));
        assertTrue(ok(cli("case", "list", "--vault", file.toString())).contains("Opened without being told"));

        Result unknown = cli("init", "--vault", dir.resolve("x.casebook").toString(), "--key-derivation", "fast");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("standard or stronger"), unknown::toString);
    }

    private static KeyDerivation settingOf(Path file, String passphrase) {
        try (Vault v = Vault.open(file, Passphrase.of(passphrase))) {
            return v.keyDerivation();
        }
    }
}
