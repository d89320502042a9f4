package org.casebook.imports;

import java.util.List;

/** The list of importers, in detection order (most specific first). */
final class StandardImporters {
    private StandardImporters() {
    }

    static List<Importer> all() {
        return List.of(new org.casebook.imports.csv.CsvImporter());
    }
}
