package org.casebook.imports;

import java.time.ZoneId;
import java.util.List;

/**
 * How to import: the format (null = detect), the zone for local times (null = the case's), the date order
 * for numeric dates (null = work it out, refusing when ambiguous), senders to mark as the perpetrator, and
 * whether to write anything.
 */
public record ImportOptions(ImportFormat format, ZoneId zone, DateOrder dateOrder, List<String> perpetrators,
                            boolean dryRun) {
    public ImportOptions {
        perpetrators = perpetrators == null ? List.of() : List.copyOf(perpetrators);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, List.of(), false);
    }
}
