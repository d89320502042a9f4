package org.casebook.imports.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The vectors of mikel/mail's spec/mail/encodings/unix_to_unix_spec.rb (MIT, commit d645d7b5). */
class UudecodeTest {
    private static String decode(String text) throws IOException {
        try (Uudecode in = new Uudecode(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void decodesWithBeginAndEnd() throws IOException {
        assertEquals("Happy today for to be one of peace and serene time.\n", decode("""
                begin 644 Happy.txt
                M2&%P<'D@=&]D87D@9F]R('1O(&)E(&]N92!O9B!P96%C92!A;F0@<V5R96YE
                '('1I;64N"@``
                `
                end
                """));
    }

    @Test
    void decodesLinesWithoutABeginLineAndNonAscii() throws IOException {
        assertEquals("Happy ああr", decode("-2&%P<'D@XX&\"XX&\"<@``\n"));
        assertEquals("Happy today", decode("+2&%P<'D@=&]D87D`\n"));
    }
}
