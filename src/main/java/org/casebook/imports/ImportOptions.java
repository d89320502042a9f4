package org.casebook.imports;

import java.time.ZoneId;
import java.util.List;

/**
 * How to import: the format (null = detect), the zone for local times (null = the case's), the date order
 * for numeric dates (null = work it out, refusing when ambiguous), senders to mark as the perpetrator and as
 * the user herself, and whether to write anything.
 *
 * @param columns for a CSV file: which column holds what (role to header name, e.g. "time" to "Sent at");
 *                roles not given are found from the header names
 * @param me      senders (names, numbers, addresses) that are the user herself, the witness: what they sent is
 *                hers ("sent"), never a contact by the perpetrator
 */
public record ImportOptions(ImportFormat format, ZoneId zone, DateOrder dateOrder, List<String> perpetrators,
                            boolean dryRun, java.util.Map<String, String> columns, List<String> me) {
    public ImportOptions {
        perpetrators = perpetrators == null ? List.of() : List.copyOf(perpetrators);
        columns = columns == null ? java.util.Map.of() : java.util.Map.copyOf(columns);
        me = me == null ? List.of() : List.copyOf(me);
    }

    public ImportOptions(ImportFormat format, ZoneId zone, DateOrder dateOrder, List<String> perpetrators,
                         boolean dryRun, java.util.Map<String, String> columns) {
        this(format, zone, dateOrder, perpetrators, dryRun, columns, List.of());
    }

    public ImportOptions(ImportFormat format, ZoneId zone, DateOrder dateOrder, List<String> perpetrators,
                         boolean dryRun) {
        this(format, zone, dateOrder, perpetrators, dryRun, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, List.of(), false);
    }

    /** The same options with {@code me} as the user's own senders. */
    public ImportOptions withMe(List<String> senders) {
        return new ImportOptions(format, zone, dateOrder, perpetrators, dryRun, columns, senders);
    }

    /** The same options, reading without writing. */
    public ImportOptions asDryRun() {
        return new ImportOptions(format, zone, dateOrder, perpetrators, true, columns, me);
    }
}
