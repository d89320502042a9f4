package org.casebook.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the authentication code of every page of a vault file, pages SQLite no longer uses included. The
 * cipher checks a page only when SQLite reads it, and SQLite's own check reads only the pages in use, so a
 * byte changed in a free page would pass both. The layout is SQLCipher 4's, as the bundled cipher writes it:
 * 4,096-byte pages ending in a 16-byte IV and a 64-byte HMAC-SHA512 of the page's encrypted bytes, its IV and
 * its number (little-endian); the HMAC key is PBKDF2-HMAC-SHA512 (2 rounds) of the vault's key, salted with
 * the file's 16-byte salt XOR 0x3a; the key is PBKDF2-HMAC-SHA512 of the passphrase's UTF-8 with the salt.
 * For files that nothing else is writing: a backup, or the copy a restore checks.
 */
final class PageAuthentication {
    static final int PAGE_SIZE = 4096;
    private static final int SALT = 16;
    private static final int HMAC = 64;
    /** SQLite never writes the page holding the byte at 1 GiB (its lock byte). */
    private static final long LOCK_BYTE_PAGE = (1L << 30) / PAGE_SIZE + 1;
    /** Problems named before "and N more". */
    private static final int NAMED = 3;

    private PageAuthentication() {
    }

    /** The pages of {@code file} whose code does not match (empty when every page is as the cipher wrote it). */
    static List<String> check(Path file, Passphrase passphrase, KeyDerivation keyDerivation) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            List<String> problems = new ArrayList<>();
            if (size == 0 || size % PAGE_SIZE != 0) {
                problems.add("the file ends part-way through a page (" + size + " bytes)");
                return problems;
            }
            ByteBuffer page = ByteBuffer.allocate(PAGE_SIZE);
            readPage(channel, 0, page);
            Mac mac = mac(passphrase, Arrays.copyOf(page.array(), SALT), keyDerivation.iterations());
            long pages = size / PAGE_SIZE;
            int failed = 0;
            byte[] number = new byte[4];
            for (long n = 1; n <= pages; n++) {
                if (n == LOCK_BYTE_PAGE) {
                    continue;
                }
                if (n > 1) {
                    readPage(channel, (n - 1) * PAGE_SIZE, page);
                }
                byte[] bytes = page.array();
                int start = n == 1 ? SALT : 0;
                mac.update(bytes, start, PAGE_SIZE - HMAC - start);
                ByteBuffer.wrap(number).order(ByteOrder.LITTLE_ENDIAN).putInt((int) n);
                mac.update(number);
                byte[] code = mac.doFinal();
                if (!Arrays.equals(code, 0, HMAC, bytes, PAGE_SIZE - HMAC, PAGE_SIZE)) {
                    if (++failed <= NAMED) {
                        problems.add("page " + n + " of " + pages + " does not match its code");
                    }
                }
            }
            if (failed > NAMED) {
                problems.add("and " + (failed - NAMED) + " more pages");
            }
            return problems;
        }
    }

    private static void readPage(FileChannel channel, long at, ByteBuffer page) throws IOException {
        page.clear();
        while (page.hasRemaining()) {
            if (channel.read(page, at + page.position()) < 0) {
                throw new IOException("the file ended while a page was read");
            }
        }
    }

    /**
     * The HMAC of the pages, keyed as the cipher keys it for {@code passphrase} and the file's salt. The key is
     * derived here rather than by the JDK's PBKDF2, whose key object keeps a copy of the passphrase reachable (for
     * its cleaner) until the collector gets round to it; every copy made here is wiped before this returns.
     */
    private static Mac mac(Passphrase passphrase, byte[] salt, int iterations) throws IOException {
        byte[] secret = passphrase.utf8();
        byte[] key = null;
        byte[] macKey = null;
        try {
            key = pbkdf2(secret, salt, iterations);
            byte[] macSalt = salt.clone();
            for (int i = 0; i < macSalt.length; i++) {
                macSalt[i] ^= 0x3a;
            }
            macKey = pbkdf2(key, macSalt, 2);
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(macKey, "HmacSHA512"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot check the pages: " + e.getMessage(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            if (macKey != null) {
                Arrays.fill(macKey, (byte) 0);
            }
        }
    }

    /** PBKDF2-HMAC-SHA512 of {@code secret}, 32 bytes long (one block of SHA-512 holds them). */
    private static byte[] pbkdf2(byte[] secret, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(secret, "HmacSHA512"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            mac.update(u);
            mac.doFinal(u, 0);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        byte[] out = Arrays.copyOf(t, 32);
        Arrays.fill(t, (byte) 0);
        Arrays.fill(u, (byte) 0);
        return out;
    }
}
