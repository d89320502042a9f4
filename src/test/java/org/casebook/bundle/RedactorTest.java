package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the redactor finds: the same words however they were typed (spacing, line breaks, apostrophes, capitals,
 * accents, invisible characters, a phone number's formats), replaced in the text as written so that everything
 * around them stays exactly as it was.
 */
class RedactorTest {
    private static final String M = Redactor.MARK;

    static Stream<Arguments> variants() {
        return Stream.of(
                // term, text as typed, the text with the term replaced
                Arguments.of("12 Elm Street", "I live at 12 Elm Street now.", "I live at " + M + " now."),
                Arguments.of("12 Elm Street", "I live at 12\u00A0Elm Street now.", "I live at " + M + " now."),
                Arguments.of("12 Elm Street", "at 12 Elm\u00A0Street", "at " + M),
                Arguments.of("12 Elm Street", "at 12  Elm   Street!", "at " + M + "!"),
                Arguments.of("12 Elm Street", "at 12\nElm\r\nStreet\n", "at " + M + "\n"),
                Arguments.of("12 Elm Street", "at 12\tElm Street", "at " + M),
                Arguments.of("12 Elm Street", "AT 12 ELM STREET", "AT " + M),
                Arguments.of("12 Elm Street", "at 12 elm street", "at " + M),
                Arguments.of("12 Elm Street", "at 12 Elm\u202FStreet", "at " + M),
                Arguments.of("12 Elm Street", "at 12 El\u200Bm Street", "at " + M),
                Arguments.of("12 Elm Street", "at 12 Elm Str\u00ADeet", "at " + M),
                Arguments.of("12 Elm Street", "at \uFF11\uFF12 Elm Street", "at " + M),
                Arguments.of("12\u00A0Elm Street", "at 12 Elm Street", "at " + M),
                Arguments.of("12 elm STREET", "at 12 Elm Street", "at " + M),
                Arguments.of("O'Neill Close", "at 4 O\u2019Neill Close", "at 4 " + M),
                Arguments.of("O\u2019Neill Close", "at 4 O'Neill Close", "at 4 " + M),
                Arguments.of("O'Neill Close", "at 4 O\u02BCNeill close", "at 4 " + M),
                Arguments.of("Cafe Rouge", "met at Caf\u00E9 Rouge", "met at " + M),
                Arguments.of("Caf\u00E9 Rouge", "met at CAFE ROUGE", "met at " + M),
                Arguments.of("Caf\u00E9 Rouge", "met at Cafe\u0301 Rouge", "met at " + M),
                Arguments.of("Stra\u00DFe 5", "in der STRASSE 5", "in der " + M),
                Arguments.of("Flat 3, 27 Elm Street", "Flat 3,27 Elm Street", M),
                Arguments.of("Flat 3, 27 Elm Street", "Flat 3 ,\n27 Elm Street", M),
                Arguments.of("Flat 3,27 Elm Street", "Flat 3, 27 Elm Street", M),
                Arguments.of("12 Elm Street, Leeds", "at 12 Elm Street Leeds", "at " + M),
                Arguments.of("4 St. John's Road", "at 4 St John\u2019s Road.", "at " + M + "."),
                Arguments.of("4 St John's Road", "at 4 ST.JOHN'S ROAD", "at " + M),
                Arguments.of("07700 900456", "call 07700900456 now", "call " + M + " now"),
                Arguments.of("07700 900456", "call 07700 900 456 now", "call " + M + " now"),
                Arguments.of("07700 900456", "call 07700-900-456 now", "call " + M + " now"),
                Arguments.of("07700 900456", "call +44 7700 900456 now", "call " + M + " now"),
                Arguments.of("07700 900456", "call +44 (0)7700 900456 now", "call " + M + " now"),
                Arguments.of("07700 900456", "call 0044 7700\u00A0900456 now", "call " + M + " now"),
                Arguments.of("+44 7700 900456", "call 07700 900456 now", "call " + M + " now"),
                Arguments.of("+44 7700 900456", "call +447700900456 now", "call " + M + " now"),
                Arguments.of("jane.s@example.org", "mail JANE.S@EXAMPLE.ORG today", "mail " + M + " today"),
                // a place given as coordinates: any coordinates within a few hundred metres of it
                Arguments.of("51.50142, -0.14193", "location: https://maps.google.com/?q=51.501398,-0.141870",
                        "location: https://maps.google.com/?q=" + M),
                Arguments.of("51.50142, -0.14193", "at 51.5016, -0.1422 then", "at " + M + " then"));
    }

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @MethodSource("variants")
    void findsTheTermHoweverItWasTyped(String term, String text, String expected) {
        Redactor r = new Redactor(List.of(term));
        assertEquals(expected, r.page(text));
        assertEquals(expected.replace(M, Redactor.PLAIN), r.plain(text));
    }

    @Test
    void leavesOtherTextAlone() {
        Redactor r = new Redactor(List.of("12 Elm Street", "07700 900456", "51.50142, -0.14193"));
        for (String text : List.of("I live at 14 Elm Road.", "call 07700 900457", "Elm Street is long",
                "at 51.60142, -0.14193", "12 Elm  \n Road", "")) {
            assertEquals(text, r.page(text));
        }
        assertEquals(null, r.page(null));
    }

    @Test
    void theLongerOfTwoOverlappingTermsIsRemovedWhole() {
        Redactor r = new Redactor(List.of("Elm Street", "12 Elm Street, Leeds"));
        assertEquals("at " + M + " today; " + M + " again", r.page("at 12 Elm Street, Leeds today; Elm Street again"));
    }

    @Test
    void redactsBeforeItShortens() {
        Redactor r = new Redactor(List.of("Flat 3, 27 Elm Street"));
        String brief = r.brief("He waited outside Flat 3, 27 Elm Street for an hour and then followed me to the"
                + " station and back again.", 30);
        assertFalse(brief.contains("Flat") || brief.contains("27"), brief);
        assertTrue(brief.startsWith("He waited outside " + M), brief);
        assertTrue(brief.endsWith("\u2026"), brief);
        assertTrue(brief.length() <= 30, brief);
        assertEquals("Short text", r.brief("Short\n  text", 30));
    }

    @Test
    void shortensAtASpaceNeverMidWord() {
        Redactor r = new Redactor(List.of());
        // 44 characters would end in "super": the cut goes back to the space before it
        assertEquals("He followed me from the station to the\u2026",
                r.brief("He followed me from the station to the supermarket", 45));
    }

    @Test
    void redactionIsIdempotent() {
        Redactor r = new Redactor(List.of("12 Elm Street"));
        String once = r.page("at 12 Elm Street");
        assertEquals(once, r.page(once));
        assertEquals("at " + Redactor.PLAIN, r.plain(once));
    }

    @Test
    void findsTermsInAStreamAcrossChunkBoundaries() throws IOException {
        Redactor r = new Redactor(List.of("12 Elm Street"));
        StringBuilder big = new StringBuilder();
        while (big.length() < (1 << 16) - 5) {
            big.append("nothing here. ");
        }
        big.setLength((1 << 16) - 5); // the term straddles the reader's first 64 K chunk
        String hidden = big + "12\u00A0Elm\n  Street and more";
        assertTrue(r.foundIn(new ByteArrayInputStream(hidden.getBytes(StandardCharsets.UTF_8))));
        assertFalse(r.foundIn(new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.UTF_8))));
        assertFalse(new Redactor(List.of()).foundIn(new ByteArrayInputStream(hidden.getBytes(StandardCharsets.UTF_8))));
    }
}
