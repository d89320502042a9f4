package org.casebook.vault;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child JVM for {@link PassphraseInMemoryTest}: unlocks, backs up and rekeys a vault with passphrases read from files
 * (as {@code --passphrase-file} does; an environment variable would stay in the JVM's memory for good), dumps its
 * live heap while the vault is open and again after it is locked.
 *
 * <p>Arguments: passphrase file, new passphrase file, vault, dump while open, dump after locking.
 */
public final class PassphraseHeapProbe {
    private PassphraseHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path vaultFile = Path.of(args[2]);
        Vault vault;
        try (Passphrase first = read(Path.of(args[0]))) {
            vault = Vault.create(vaultFile, first);
        }
        vault.write(c -> vault.audit().append(c, "probe", "vault", java.util.Map.of()));
        vault.backupTo(vaultFile.resolveSibling("backup.casebook"));
        try (Passphrase next = read(Path.of(args[1]))) {
            vault.changePassphrase(next, KeyDerivation.STANDARD);
        }
        dump(args[3]);
        vault.close();
        dump(args[4]);
        System.out.println("probe done");
    }

    private static Passphrase read(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        char[] text = new char[chars.remaining()];
        chars.get(text);
        Arrays.fill(chars.array(), '\0');
        try {
            return Passphrase.of(text);
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    /** A dump of live objects only: the JVM collects garbage first, so only what is still reachable is in it. */
    private static void dump(String file) throws Exception {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file, true);
    }
}
