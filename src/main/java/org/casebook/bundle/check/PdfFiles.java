package org.casebook.bundle.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens any file the user names as a PDF, or says in one line (naming the file) why it cannot be. The file
 * is read where it lies: PDFBox parses it lazily, so a huge file does not have to fit in memory.
 */
final class PdfFiles {
    private PdfFiles() {
    }

    static PDDocument open(Path pdf) throws UnreadablePdfException {
        if (!Files.exists(pdf)) {
            throw new UnreadablePdfException(pdf + ": no such file.");
        }
        if (!Files.isRegularFile(pdf) || !Files.isReadable(pdf)) {
            throw new UnreadablePdfException(pdf + ": not a readable file.");
        }
        requirePdfHeader(pdf);
        try {
            return Loader.loadPDF(pdf.toFile());
        } catch (InvalidPasswordException e) {
            throw new UnreadablePdfException(pdf + ": the PDF is locked with a password; it cannot be checked.");
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePdfException(pdf + ": not a readable PDF (" + reason(e) + ").");
        } catch (StackOverflowError e) {
            // Deeply nested or self-referencing objects in a hostile file.
            throw new UnreadablePdfException(pdf + ": not a readable PDF (its objects nest too deeply).");
        }
    }

    /** A PDF starts with "%PDF-" within its first 1024 bytes (readers allow some junk before it). */
    private static void requirePdfHeader(Path pdf) throws UnreadablePdfException {
        byte[] head = new byte[1024];
        int read;
        try (InputStream in = Files.newInputStream(pdf)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadablePdfException(pdf + ": cannot be read (" + reason(e) + ").");
        }
        if (read == 0) {
            throw new UnreadablePdfException(pdf + ": the file is empty, not a PDF.");
        }
        if (!new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new UnreadablePdfException(pdf + ": not a PDF (it does not start with %PDF-).");
        }
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }
}
