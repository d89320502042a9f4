package org.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.Test;

/** How failures become exit codes and one line on standard error. */
class ErrorsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String err() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void vaultExceptionKindsMapToTheContractsExitCodes() {
        assertEquals(2, Errors.report(VaultException.badInput("No such file: a.jpg"), err));
        assertEquals(4, Errors.report(new VaultException(VaultException.Kind.NOT_UNLOCKED, "Wrong passphrase or"
                + " not a Casebook vault: x.cbk"), err));
        assertEquals(3, Errors.report(new VaultException(VaultException.Kind.DAMAGED, "damaged"), err));
        assertEquals(2, Errors.report(new VaultException(VaultException.Kind.BUSY, "open elsewhere"), err));
        assertEquals(2, Errors.report(new IllegalArgumentException("Unknown incident type 'x'"), err));
        assertEquals(1, Errors.report(CliException.usage("No passphrase"), err));
        assertEquals("casebook: No such file: a.jpg", err().lines().findFirst().orElseThrow());
        assertTrue(err().contains("casebook: open elsewhere"));
    }

    @Test
    void messagesAreOneLine() {
        Errors.report(VaultException.badInput("first line\n  second line\r\nthird"), err);
        assertEquals("casebook: first line second line third\n", err().replace("\r\n", "\n"));
    }

    @Test
    void unexpectedErrorsAreOneLineAndExitOne() {
        int code = Errors.report(new IllegalStateException("storage error in x.cbk: disk I/O"), err);
        assertEquals(1, code);
        assertEquals("casebook: unexpected error: storage error in x.cbk: disk I/O (details in the log)",
                err().strip());
        assertFalse(err().contains("\tat "), "the stack trace goes to the log, not into the message");
    }

    @Test
    void formats() {
        ZonedDateTime t = ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, ZoneId.of("Europe/London"));
        assertEquals("2024-03-01T21:15:00+00:00", Formats.iso(t));
        assertEquals("2024-03-01T21:15:00.250+00:00", Formats.iso(t.plusNanos(250_000_000)));
        assertEquals("2024-07-01T21:15:00+01:00", Formats.iso(t.withMonth(7)));
        assertEquals("2024-03-01 21:15", Formats.human(t));
        assertEquals("a / b", Formats.cell("a\nb", 10));
        assertEquals("abcdefg...", Formats.cell("abcdefghijklmnop", 10));
        assertEquals("1.5 MB", TerminalProgress.size(1536 * 1024));
    }
}
