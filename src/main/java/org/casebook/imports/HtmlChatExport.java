package org.casebook.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A chat app's export in its human-readable HTML form, where Casebook reads the app's JSON (or text) form instead.
 * Recognised by the importer of that app, so that it is never taken for a saved web page, and refused with the way
 * to get the form Casebook reads.
 */
public final class HtmlChatExport {
    /** How much of a page is looked at: the marks sit after the page's own style sheet, which can be long. */
    private static final int HEAD_BYTES = 64 * 1024;

    private final Pattern pageName;
    private final Pattern[] marks;
    private final String refusal;

    /**
     * @param pageName how the export's pages are named inside a zip (matched against the lower-case entry name)
     * @param refusal  what follows "FILE: is " in the refusal: what it is and how to get what Casebook reads
     * @param marks    what a page of the export holds near its start, every one of them
     */
    public HtmlChatExport(Pattern pageName, String refusal, Pattern... marks) {
        this.pageName = pageName;
        this.refusal = refusal;
        this.marks = marks.clone();
    }

    /** The export's page (the file itself, or the zip's entry), or empty when the file is not such an export. */
    public Optional<String> page(ExportFile file) throws IOException {
        if (file.isZip()) {
            for (String entry : file.entriesEndingWith(".html", ".htm")) {
                if (pageName.matcher(entry.toLowerCase(Locale.ROOT)).find() && marked(file, entry)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }
        return marked(file, null) ? Optional.of(file.name()) : Optional.empty();
    }

    /** Throws the refusal when the file is such an export. */
    public void refuseIfOne(ExportFile file) throws IOException {
        Optional<String> page = page(file);
        if (page.isPresent()) {
            throw new ImportException((file.isZip() ? file.name() + " (" + page.get() + ")" : page.get()) + ": is "
                    + refusal);
        }
    }

    private boolean marked(ExportFile file, String entry) throws IOException {
        String head = new String(file.head(entry, HEAD_BYTES), StandardCharsets.UTF_8);
        for (Pattern mark : marks) {
            if (!mark.matcher(head).find()) {
                return false;
            }
        }
        return true;
    }
}
