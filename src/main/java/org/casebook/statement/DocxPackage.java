package org.casebook.statement;

import static org.casebook.statement.DocxParagraph.W;
import static org.casebook.statement.DocxParagraph.value;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A minimal WordprocessingML (.docx) package written with the JDK's own StAX and zip: the document, one footer,
 * the styles (a 12 pt sans-serif text in British English, a title and a heading style), the paragraph numbering, an
 * A4 page, and the title and author. Word, LibreOffice and Google Docs open it as an ordinary document. Apache POI
 * would do the same with some 16 MB of jars the installer cannot carry.
 */
final class DocxPackage {
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CT = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String WML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    /** Arial, which LibreOffice replaces with its metric-equal Liberation Sans: the layout is the same everywhere. */
    private static final String FONT = "Arial";
    /** A4 in twentieths of a point. */
    private static final int A4_WIDTH = 11906;
    private static final int A4_HEIGHT = 16838;
    private static final int CM2 = 1134;

    /** What the package holds besides its paragraphs. */
    record Setup(String title, String author, int leftMarginTwips) {
    }

    private DocxPackage() {
    }

    static void write(OutputStream target, Setup setup, List<DocxParagraph> body, List<DocxParagraph> footer)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target);
        try {
            part(zip, "[Content_Types].xml", DocxPackage::contentTypes);
            part(zip, "_rels/.rels", x -> relationships(x, List.of(
                    new String[] {"rId1", R + "/officeDocument", "word/document.xml"},
                    new String[] {"rId2", PKG + "/metadata/core-properties", "docProps/core.xml"})));
            part(zip, "word/_rels/document.xml.rels", x -> relationships(x, List.of(
                    new String[] {"rId1", R + "/styles", "styles.xml"},
                    new String[] {"rId2", R + "/numbering", "numbering.xml"},
                    new String[] {"rId3", R + "/settings", "settings.xml"},
                    new String[] {"rId4", R + "/footer", "footer1.xml"})));
            part(zip, "word/document.xml", x -> document(x, setup, body));
            part(zip, "word/footer1.xml", x -> {
                x.writeStartElement("w", "ftr", W);
                x.writeNamespace("w", W);
                for (DocxParagraph p : footer) {
                    p.write(x);
                }
                x.writeEndElement();
            });
            part(zip, "word/styles.xml", DocxPackage::styles);
            part(zip, "word/numbering.xml", DocxPackage::numbering);
            part(zip, "word/settings.xml", x -> {
                x.writeStartElement("w", "settings", W);
                x.writeNamespace("w", W);
                value(x, "defaultTabStop", "709");
                x.writeEndElement();
            });
            part(zip, "docProps/core.xml", x -> core(x, setup));
            zip.finish();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the document's XML: " + e.getMessage(), e);
        }
    }

    private interface Part {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private static void part(ZipOutputStream zip, String name, Part part) throws IOException, XMLStreamException {
        zip.putNextEntry(new ZipEntry(name));
        // a StAX writer never closes its stream: the zip stays open for the next part
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(zip, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        part.write(x);
        x.writeEndDocument();
        x.flush();
        x.close();
        zip.closeEntry();
    }

    private static void contentTypes(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("", "Types", CT);
        x.writeDefaultNamespace(CT);
        typeDefault(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        typeDefault(x, "xml", "application/xml");
        override(x, "/word/document.xml", WML + "document.main+xml");
        override(x, "/word/footer1.xml", WML + "footer+xml");
        override(x, "/word/styles.xml", WML + "styles+xml");
        override(x, "/word/numbering.xml", WML + "numbering+xml");
        override(x, "/word/settings.xml", WML + "settings+xml");
        override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        x.writeEndElement();
    }

    private static void typeDefault(XMLStreamWriter x, String extension, String type) throws XMLStreamException {
        x.writeEmptyElement(CT, "Default");
        x.writeAttribute("Extension", extension);
        x.writeAttribute("ContentType", type);
    }

    private static void override(XMLStreamWriter x, String part, String type) throws XMLStreamException {
        x.writeEmptyElement(CT, "Override");
        x.writeAttribute("PartName", part);
        x.writeAttribute("ContentType", type);
    }

    private static void relationships(XMLStreamWriter x, List<String[]> rels) throws XMLStreamException {
        x.writeStartElement("", "Relationships", PKG);
        x.writeDefaultNamespace(PKG);
        for (String[] r : rels) {
            x.writeEmptyElement(PKG, "Relationship");
            x.writeAttribute("Id", r[0]);
            x.writeAttribute("Type", r[1]);
            x.writeAttribute("Target", r[2]);
        }
        x.writeEndElement();
    }

    private static void document(XMLStreamWriter x, Setup setup, List<DocxParagraph> body)
            throws XMLStreamException {
        x.writeStartElement("w", "document", W);
        x.writeNamespace("w", W);
        x.writeNamespace("r", R);
        x.writeStartElement("w", "body", W);
        for (DocxParagraph p : body) {
            p.write(x);
        }
        x.writeStartElement("w", "sectPr", W);
        x.writeEmptyElement("w", "footerReference", W);
        x.writeAttribute("w", W, "type", "default");
        x.writeAttribute("r", R, "id", "rId4");
        x.writeEmptyElement("w", "pgSz", W);
        x.writeAttribute("w", W, "w", Integer.toString(A4_WIDTH));
        x.writeAttribute("w", W, "h", Integer.toString(A4_HEIGHT));
        x.writeEmptyElement("w", "pgMar", W);
        x.writeAttribute("w", W, "top", Integer.toString(CM2));
        x.writeAttribute("w", W, "right", Integer.toString(CM2));
        x.writeAttribute("w", W, "bottom", Integer.toString(CM2 * 3 / 2));
        x.writeAttribute("w", W, "left", Integer.toString(setup.leftMarginTwips()));
        x.writeAttribute("w", W, "header", "567");
        x.writeAttribute("w", W, "footer", "567");
        x.writeAttribute("w", W, "gutter", "0");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void styles(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("w", "styles", W);
        x.writeNamespace("w", W);
        x.writeStartElement("w", "docDefaults", W);
        x.writeStartElement("w", "rPrDefault", W);
        x.writeStartElement("w", "rPr", W);
        x.writeEmptyElement("w", "rFonts", W);
        for (String script : List.of("ascii", "hAnsi", "eastAsia", "cs")) {
            x.writeAttribute("w", W, script, FONT);
        }
        size(x, 12);
        value(x, "lang", "en-GB");
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement("w", "pPrDefault", W);
        x.writeStartElement("w", "pPr", W);
        spacing(x, 180);
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        style(x, "Normal", "Normal", true, null, 12, false, null);
        style(x, "Title", "Title", false, "center", 14, true, "0");
        style(x, "Heading1", "heading 1", false, null, 12, true, "1");
        style(x, "Footer", "footer", false, null, 12, false, null);
        x.writeEndElement();
    }

    /** A paragraph style based on Normal; a heading keeps with the paragraph after it. */
    private static void style(XMLStreamWriter x, String id, String name, boolean isDefault, String align, int points,
                              boolean bold, String outline) throws XMLStreamException {
        x.writeStartElement("w", "style", W);
        x.writeAttribute("w", W, "type", "paragraph");
        if (isDefault) {
            x.writeAttribute("w", W, "default", "1");
        }
        x.writeAttribute("w", W, "styleId", id);
        value(x, "name", name);
        if (!isDefault) {
            value(x, "basedOn", "Normal");
            value(x, "next", "Normal");
        }
        x.writeEmptyElement("w", "qFormat", W);
        x.writeStartElement("w", "pPr", W);
        if (outline != null) {
            x.writeEmptyElement("w", "keepNext", W);
        }
        if (align != null) {
            value(x, "jc", align);
        }
        if (outline != null) {
            value(x, "outlineLvl", outline);
        }
        x.writeEndElement();
        x.writeStartElement("w", "rPr", W);
        if (bold) {
            x.writeEmptyElement("w", "b", W);
        }
        size(x, points);
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void size(XMLStreamWriter x, int points) throws XMLStreamException {
        value(x, "sz", Integer.toString(points * 2));
        value(x, "szCs", Integer.toString(points * 2));
    }

    private static void spacing(XMLStreamWriter x, int afterTwips) throws XMLStreamException {
        x.writeEmptyElement("w", "spacing", W);
        x.writeAttribute("w", W, "after", Integer.toString(afterTwips));
        x.writeAttribute("w", W, "line", "276");
        x.writeAttribute("w", W, "lineRule", "auto");
    }

    /** Numbering 1: "1.", "2.", … hanging in the margin, as the rules number a statement's paragraphs. */
    private static void numbering(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("w", "numbering", W);
        x.writeNamespace("w", W);
        x.writeStartElement("w", "abstractNum", W);
        x.writeAttribute("w", W, "abstractNumId", "0");
        value(x, "multiLevelType", "singleLevel");
        x.writeStartElement("w", "lvl", W);
        x.writeAttribute("w", W, "ilvl", "0");
        value(x, "start", "1");
        value(x, "numFmt", "decimal");
        value(x, "lvlText", "%1.");
        value(x, "lvlJc", "left");
        x.writeStartElement("w", "pPr", W);
        x.writeEmptyElement("w", "ind", W);
        x.writeAttribute("w", W, "left", "567");
        x.writeAttribute("w", W, "hanging", "567");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement("w", "num", W);
        x.writeAttribute("w", W, "numId", "1");
        value(x, "abstractNumId", "0");
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void core(XMLStreamWriter x, Setup setup) throws XMLStreamException {
        String cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        String dc = "http://purl.org/dc/elements/1.1/";
        x.writeStartElement("cp", "coreProperties", cp);
        x.writeNamespace("cp", cp);
        x.writeNamespace("dc", dc);
        x.writeStartElement("dc", "title", dc);
        x.writeCharacters(DocxParagraph.xmlSafe(setup.title()));
        x.writeEndElement();
        x.writeStartElement("dc", "creator", dc);
        x.writeCharacters(DocxParagraph.xmlSafe(setup.author()));
        x.writeEndElement();
        x.writeEndElement();
    }
}
