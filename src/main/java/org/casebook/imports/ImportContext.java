package org.casebook.imports;

import java.util.ArrayList;
import java.util.List;
import org.casebook.vault.Progress;

/**
 * What an importer is told about this import, and where it reports what it noticed.
 *
 * @param dateOrder the user's answer for numeric dates, or null to work it out (and refuse when ambiguous)
 */
public final class ImportContext {
    private final DateOrder dateOrder;
    private final Progress progress;
    private final java.util.Map<String, String> columns;
    private final List<String> warnings = new ArrayList<>();
    private long repeated;
    private org.casebook.evidence.ExportMade exportMade;

    public ImportContext(DateOrder dateOrder, Progress progress) {
        this(dateOrder, progress, java.util.Map.of());
    }

    /** @param columns a CSV column mapping chosen by the user (role to header name), possibly empty */
    public ImportContext(DateOrder dateOrder, Progress progress, java.util.Map<String, String> columns) {
        this.dateOrder = dateOrder;
        this.progress = progress;
        this.columns = java.util.Map.copyOf(columns);
    }

    public java.util.Map<String, String> columns() {
        return columns;
    }

    public DateOrder dateOrder() {
        return dateOrder;
    }

    public Progress progress() {
        return progress;
    }

    /** Something the user should know about this import (a repaired string, a wrong count, a missing file). */
    public void warn(String warning) {
        if (warnings.size() < 1000) {
            warnings.add(warning);
        }
    }

    /**
     * A record the export holds more than once (the same identity and content) was passed on once: counted for
     * the summary. The import pipeline calls this, and so does an importer that merges the parts of a thread.
     */
    public void repeatedRecord() {
        repeated++;
    }

    /** How many records were left out as repeats of one already read from this file. */
    public long repeatedRecords() {
        return repeated;
    }

    /**
     * The export says when it was made (its own date field, not a message's). The newest such moment is kept: a
     * zip of several backups was made no earlier than its newest one.
     */
    public void exportMade(java.time.Instant at, String basis) {
        if (exportMade == null || at.isAfter(exportMade.at())) {
            exportMade = new org.casebook.evidence.ExportMade(at, basis);
        }
    }

    /** What the export said of when it was made, if it said anything. */
    public java.util.Optional<org.casebook.evidence.ExportMade> exportMade() {
        return java.util.Optional.ofNullable(exportMade);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
