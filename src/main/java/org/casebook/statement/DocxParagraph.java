package org.casebook.statement;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One WordprocessingML paragraph ({@code w:p}) of the editable statement: its style, alignment, whether it is a
 * numbered paragraph, whether it keeps with the next (a signature block is never split from its declaration), and
 * its runs of text and fields. Elements are written in the order the schema requires: Word refuses a file whose
 * paragraph properties are out of order.
 */
final class DocxParagraph {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A run of text, bold or not, or a field (PAGE, NUMPAGES) with the value it shows until it is updated. */
    private record Run(String text, boolean bold, String field) {
    }

    private String style;
    private boolean keepNext;
    private boolean numbered;
    private boolean ruled;
    private boolean tight;
    private String align;
    private Integer tab;
    private final List<Run> runs = new ArrayList<>();

    static DocxParagraph of(String text) {
        return new DocxParagraph().text(text);
    }

    static DocxParagraph bold(String text) {
        return new DocxParagraph().boldText(text);
    }

    DocxParagraph text(String text) {
        runs.add(new Run(text, false, null));
        return this;
    }

    DocxParagraph boldText(String text) {
        runs.add(new Run(text, true, null));
        return this;
    }

    /** A field such as {@code PAGE}; {@code shown} is what it reads until the word processor updates it. */
    DocxParagraph field(String instruction, String shown) {
        runs.add(new Run(shown, false, instruction));
        return this;
    }

    DocxParagraph style(String styleId) {
        this.style = styleId;
        return this;
    }

    DocxParagraph keepNext() {
        this.keepNext = true;
        return this;
    }

    /** Numbered by the word processor (numbering 1), so an inserted paragraph never leaves the numbers wrong. */
    DocxParagraph numbered() {
        this.numbered = true;
        return this;
    }

    /** A rule above and below, as around the statement's title. */
    DocxParagraph ruled() {
        this.ruled = true;
        return this;
    }

    /** No space after: lines of one block (the top-right box, a party and its role). */
    DocxParagraph tight() {
        this.tight = true;
        return this;
    }

    DocxParagraph align(String jc) {
        this.align = jc;
        return this;
    }

    /** A left tab stop at {@code twips} from the margin: the MG11's labels and their values line up. */
    DocxParagraph tabAt(int twips) {
        this.tab = twips;
        return this;
    }

    void write(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("w", "p", W);
        x.writeStartElement("w", "pPr", W);
        if (style != null) {
            value(x, "pStyle", style);
        }
        if (keepNext) {
            x.writeEmptyElement("w", "keepNext", W);
            x.writeEmptyElement("w", "keepLines", W);
        }
        if (numbered) {
            x.writeStartElement("w", "numPr", W);
            value(x, "ilvl", "0");
            value(x, "numId", "1");
            x.writeEndElement();
        }
        if (ruled) {
            x.writeStartElement("w", "pBdr", W);
            for (String side : List.of("top", "bottom")) {
                x.writeEmptyElement("w", side, W);
                x.writeAttribute("w", W, "val", "single");
                x.writeAttribute("w", W, "sz", "6");
                x.writeAttribute("w", W, "space", "6");
                x.writeAttribute("w", W, "color", "auto");
            }
            x.writeEndElement();
        }
        if (tab != null) {
            x.writeStartElement("w", "tabs", W);
            x.writeEmptyElement("w", "tab", W);
            x.writeAttribute("w", W, "val", "left");
            x.writeAttribute("w", W, "pos", Integer.toString(tab));
            x.writeEndElement();
        }
        if (tight) {
            x.writeEmptyElement("w", "spacing", W);
            x.writeAttribute("w", W, "after", "0");
        }
        if (align != null) {
            value(x, "jc", align);
        }
        x.writeEndElement();
        for (Run r : runs) {
            if (r.field() != null) {
                x.writeStartElement("w", "fldSimple", W);
                x.writeAttribute("w", W, "instr", " " + r.field() + " ");
                run(x, r);
                x.writeEndElement();
            } else {
                run(x, r);
            }
        }
        x.writeEndElement();
    }

    /** A run; a tab and a single line break inside the text become Word's own tab and break. */
    private static void run(XMLStreamWriter x, Run r) throws XMLStreamException {
        x.writeStartElement("w", "r", W);
        if (r.bold()) {
            x.writeStartElement("w", "rPr", W);
            x.writeEmptyElement("w", "b", W);
            x.writeEndElement();
        }
        StringBuilder pending = new StringBuilder();
        String text = r.text().replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n') {
                flush(x, pending);
                x.writeEmptyElement("w", c == '\t' ? "tab" : "br", W);
            } else {
                pending.append(c);
            }
        }
        flush(x, pending);
        x.writeEndElement();
    }

    private static void flush(XMLStreamWriter x, StringBuilder pending) throws XMLStreamException {
        if (pending.isEmpty()) {
            return;
        }
        x.writeStartElement("w", "t", W);
        x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
        x.writeCharacters(xmlSafe(pending));
        x.writeEndElement();
        pending.setLength(0);
    }

    /**
     * The text without what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): an imported
     * message quoted in the statement may carry them, and one of them would make the whole file unreadable.
     */
    static String xmlSafe(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if ((c >= 0x20 && c <= 0xD7FF && c != 0x7F) || (c >= 0xE000 && c <= 0xFFFD) || c == '\t'
                    || c == '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static void value(XMLStreamWriter x, String element, String val) throws XMLStreamException {
        x.writeEmptyElement("w", element, W);
        x.writeAttribute("w", W, "val", val);
    }
}
