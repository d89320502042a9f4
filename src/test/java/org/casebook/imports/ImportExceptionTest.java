package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A refusal quoting a hostile file reaches the screen as one line with its control characters shown escaped. */
class ImportExceptionTest {
    @Test
    void lineBreaksFoldAndControlCharactersAreEscaped() {
        ImportException e = new ImportException("sms.xml, line 2: not well-formed XML (not \"y <?\n>es\" \u001b[2J"
                + " from invoice\u202Etxt.exe)");
        assertEquals("sms.xml, line 2: not well-formed XML (not \"y <? >es\" \\u001b[2J from invoice\\u202etxt.exe)",
                e.getMessage());
    }
}
