package org.casebook.bundle;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.casebook.vault.PrivateFiles;
import org.casebook.vault.VaultException;

/**
 * Writes a finished bundle's index as a CSV: section, mark, title, date, page, pdf_page, item. The pages are the
 * final layout's. Reordered (and its sections renamed) in a spreadsheet, the same file can be given back as the
 * bundle's sections ({@link SectionPlan#read}). The file appears complete or not at all, readable by its owner
 * only: its titles are evidence.
 */
public final class IndexExport {
    static final List<String> COLUMNS = List.of("section", "mark", "title", "date", "page", "pdf_page", "item");

    private IndexExport() {
    }

    public static void write(List<IndexRow> rows, Path out) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw VaultException.badInput("Cannot write the index to " + target + ": the folder does not exist.");
        }
        if (Files.isDirectory(target)) {
            throw VaultException.badInput("Cannot write the index to " + target + ": it is a folder.");
        }
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            PrivateFiles.createFile(temp);
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader(COLUMNS.toArray(String[]::new)).build())) {
                for (IndexRow r : rows) {
                    csv.printRecord(Spreadsheet.safe(r.section()), Spreadsheet.safe(r.mark()),
                            Spreadsheet.safe(r.title()), Spreadsheet.safe(r.date()), Spreadsheet.safe(r.page()),
                            r.pdfPage(), r.itemId() == null ? "" : r.itemId());
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the message below says what failed; a leftover part file is the lesser problem
            }
            throw VaultException.badInput("Cannot write the index to " + target + ": " + e.getMessage());
        }
    }
}
