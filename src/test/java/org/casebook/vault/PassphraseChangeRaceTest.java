package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passphrase change replaces the vault's file. Another program that starts opening the vault while the change
 * holds it must not end up working on the replaced file (where its writes would be lost): it waits, then finds the
 * new file, which its old passphrase does not open.
 */
class PassphraseChangeRaceTest {
    @TempDir
    Path dir;

    @AfterEach
    void stopListening() {
        CrashPoints.listen(null);
    }

    @Test
    void anOpenThatWaitedForTheChangeDoesNotGetTheReplacedFile() throws Exception {
        Path file = dir.resolve("v.casebook");
        Vault.create(file, pass()).close();
        CompletableFuture<String> other = new CompletableFuture<>();
        CountDownLatch opening = new CountDownLatch(1);
        CrashPoints.listen(point -> {
            if (point.equals("copy-recorded")) {
                // The vault is held exclusively now: another program's open gets as far as the lock and waits.
                Thread t = new Thread(() -> {
                    opening.countDown();
                    try (Vault v = Vault.open(file, pass())) {
                        other.complete("opened with the old passphrase");
                    } catch (VaultException e) {
                        other.complete(e.kind().name());
                    } catch (RuntimeException e) {
                        other.completeExceptionally(e);
                    }
                });
                t.start();
                try {
                    assertTrue(opening.await(10, TimeUnit.SECONDS));
                    Thread.sleep(1500); // its key derivation done, it waits for the lock
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (Vault v = Vault.open(file, pass())) {
            v.changePassphrase(Passphrase.of("the new passphrase"));
        }
        // It waited for the change and then found the new key (NOT_UNLOCKED), or, on a machine so busy that the
        // change outlasted its wait for the lock, gave up (BUSY): either way it never works on the replaced file.
        String outcome = other.get(30, TimeUnit.SECONDS);
        assertTrue(outcome.equals(VaultException.Kind.NOT_UNLOCKED.name())
                || outcome.equals(VaultException.Kind.BUSY.name()), outcome);
        Vault.open(file, Passphrase.of("the new passphrase")).close();
    }
}
