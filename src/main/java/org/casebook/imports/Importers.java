package org.casebook.imports;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The importers Casebook has, and automatic detection of an export's format. */
public final class Importers {
    private final List<Importer> importers;

    public Importers(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /** Every format Casebook reads. */
    public static Importers standard() {
        return new Importers(StandardImporters.all());
    }

    public Importer get(ImportFormat format) {
        return importers.stream().filter(i -> i.format() == format).findFirst()
                .orElseThrow(() -> new ImportException("This version of Casebook cannot read " + format.label()
                        + " yet."));
    }

    /** The first importer that recognises the file; a clear refusal when none does. */
    public Importer detect(ExportFile file) {
        return recognising(file).orElseThrow(() -> new ImportException(file.name()
                + ": not a recognised export. Casebook reads: "
                + importers.stream().map(i -> i.format().label()).collect(Collectors.joining(", "))
                + ", " + ImportFormat.WEB.label() + ". Give --format if you know what it is."));
    }

    /** The first importer that recognises the file, or empty. */
    public Optional<Importer> recognising(ExportFile file) {
        for (Importer importer : importers) {
            try {
                if (importer.recognises(file)) {
                    return Optional.of(importer);
                }
            } catch (IOException | RuntimeException e) {
                // A detector that cannot read the file simply does not recognise it.
            }
        }
        return Optional.empty();
    }

    public List<ImportFormat> formats() {
        return importers.stream().map(Importer::format).toList();
    }
}
