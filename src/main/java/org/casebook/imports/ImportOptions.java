package org.casebook.imports;

import java.time.ZoneId;
import java.util.List;

/**
 * How to import: the format (null = detect), the zone for local times (null = the case's), the date order
 * for numeric dates (null = work it out, refusing when ambiguous), senders to mark as the perpetrator, and
 * whether to write anything.
 *
 * @param columns for a CSV file: which column holds what (role to header name, e.g. "time" to "Sent at");
 *                roles not given are found from the header names
 */
public record ImportOptions(ImportFormat format, ZoneId zone, DateOrder dateOrder, List<String> perpetrators,
                            boolean dryRun, java.util.Map<String, String> columns) {
    public ImportOptions {
        perpetrators = perpetrators == null ? List.of() : List.copyOf(perpetrators);
        columns = columns == null ? java.util.Map.of() : java.util.Map.copyOf(columns);
    }

    public ImportOptions(ImportFormat format, ZoneId zone, DateOrder dateOrder, List<String> perpetrators,
                         boolean dryRun) {
        this(format, zone, dateOrder, perpetrators, dryRun, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, List.of(), false);
    }
}
