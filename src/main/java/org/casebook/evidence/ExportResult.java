package org.casebook.evidence;

import java.nio.file.Path;

/** What an export wrote. */
public record ExportResult(Path directory, int files, long bytes) {
}
