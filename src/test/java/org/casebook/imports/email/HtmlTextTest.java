package org.casebook.imports.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.casebook.imports.MessageText;
import org.junit.jupiter.api.Test;

/** The text of an HTML-only mail, read in one pass: hostile markup costs time in proportion to its length. */
class HtmlTextTest {
    @Test
    void readsTheTextAsABrowserShowsIt() {
        assertEquals("Hello there\nLine&two\nthree €", HtmlText.toText("<html><head><style>p {color: red}</style>"
                + "</head><body>\n<p>Hello&nbsp;<b>there</b></p><p>Line&amp;two<br>three &#8364;</p>\n"
                + "<script>alert(1)</script></body></html>"));
        assertEquals("a b\nc", HtmlText.toText("a <!-- hidden --> b<BR clear=\"all\">c<SCRIPT type=x>no</script >"));
        assertEquals("one\n\ntwo", HtmlText.toText("<div>one</div><p></p><p></p><div>two</div>"));
        assertEquals("x < y and 3 > 2", HtmlText.toText("x &lt; y and 3 &gt; 2"));
        assertEquals("x <span", HtmlText.toText("x <span"), "a tag never closed stays as written");
    }

    @Test
    void hostileMarkupTakesLinearTime() {
        int size = MessageText.READ_LIMIT;
        for (String unit : new String[] {"<script>", "<!--", "<", "<style x>", "</script", "<br", "<p <p "}) {
            String html = "start " + unit.repeat(size / unit.length()) + " end";
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> HtmlText.toText(html), unit);
        }
    }
}
