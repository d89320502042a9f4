package org.casebook.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.casebook.vault.Passphrase;

/**
 * Where passphrases come from: an environment variable, else a file (or standard input), else a prompt
 * without echo. Never a command-line argument, never printed, wiped from memory after use where Java
 * allows.
 */
final class Passphrases {
    static final String ENV = "CASEBOOK_PASSPHRASE";
    static final String NEW_ENV = "CASEBOOK_NEW_PASSPHRASE";

    private Passphrases() {
    }

    /** The passphrase of an existing vault. */
    static Passphrase current(CliContext ctx, VaultOptions options) {
        return resolve(ctx, ENV, options.passphraseFile, "--passphrase-file",
                "Passphrase for " + options.vault.getFileName() + ": ", false);
    }

    /** The passphrase of a vault about to be created: asked twice when prompting. */
    static Passphrase forNewVault(CliContext ctx, VaultOptions options) {
        return resolve(ctx, ENV, options.passphraseFile, "--passphrase-file",
                "New passphrase for " + options.vault.getFileName() + ": ", true);
    }

    /** The new passphrase for {@code passwd}: asked twice when prompting. */
    static Passphrase replacement(CliContext ctx, String file) {
        return resolve(ctx, NEW_ENV, file, "--new-passphrase-file", "New passphrase: ", true);
    }

    private static Passphrase resolve(CliContext ctx, String envName, String file, String fileOption,
                                      String prompt, boolean confirm) {
        String fromEnv = ctx.env(envName);
        if (fromEnv != null) {
            if (file != null) {
                ctx.err().println("casebook: " + envName + " is set, so " + fileOption + " is not used.");
            }
            return Passphrase.of(fromEnv);
        }
        if (file != null) {
            char[] chars = fromFile(ctx, file, fileOption);
            try {
                return Passphrase.of(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        return prompt(ctx, envName, fileOption, prompt, confirm);
    }

    private static Passphrase prompt(CliContext ctx, String envName, String fileOption, String prompt,
                                     boolean confirm) {
        if (!ctx.terminal().interactive()) {
            throw CliException.usage("No passphrase given and no terminal to ask for it. Set " + envName
                    + ", use " + fileOption + " FILE, or run casebook in a terminal.");
        }
        char[] first = ctx.terminal().readPassword(prompt);
        if (first == null) {
            throw CliException.usage("No passphrase entered.");
        }
        char[] second = null;
        try {
            if (confirm) {
                second = ctx.terminal().readPassword("Type it again: ");
                if (second == null || !Arrays.equals(first, second)) {
                    throw CliException.badInput("The two passphrases do not match. Nothing was changed.");
                }
            }
            return Passphrase.of(first);
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** The first line of the file (or of standard input for "-"), without the line ending. */
    private static char[] fromFile(CliContext ctx, String file, String option) {
        byte[] bytes;
        try {
            bytes = "-".equals(file) ? firstLine(ctx.in()) : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw CliException.badInput(option + ": no such file: " + file);
        } catch (IOException | RuntimeException e) {
            throw CliException.badInput(option + ": cannot read " + file + ": " + e.getMessage());
        }
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw CliException.badInput(option + ": " + file + " is not UTF-8 text.");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        char[] all = new char[decoded.remaining()];
        decoded.get(all);
        decoded.clear();
        while (decoded.hasRemaining()) {
            decoded.put('\0');
        }
        int start = all.length > 0 && all[0] == '\uFEFF' ? 1 : 0;
        int end = start;
        while (end < all.length && all[end] != '\n' && all[end] != '\r') {
            end++;
        }
        char[] line = Arrays.copyOfRange(all, start, end);
        Arrays.fill(all, '\0');
        return line;
    }

    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toByteArray();
    }
}
