package org.casebook.imports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.casebook.fuzz.Hostile;
import org.casebook.vault.Progress;

/**
 * Each importer fed hostile bytes under the name a user's export would have, read the way {@link ImportService}
 * reads it (survey and import share that path, attachments included): it reads them or refuses them with an
 * {@link ImportException} naming the file, and nothing else escapes.
 *
 * <p>In a plain test run (and CI) these replay the saved inputs under
 * {@code src/test/resources/org/casebook/imports/ImporterFuzzTestInputs/<method>/}: the seeds and every input that
 * once crashed. {@code JAZZER_FUZZ=1} fuzzes one of them (README, "Fuzzing").
 */
class ImporterFuzzTest {
    private static final Path DIR = Hostile.folder("imports");
    private static final Importers IMPORTERS = Importers.standard();

    @FuzzTest(maxDuration = "5m")
    void whatsapp(byte[] input) {
        read(ImportFormat.WHATSAPP, "WhatsApp Chat with Sam.txt", input);
    }

    @FuzzTest(maxDuration = "5m")
    void whatsappZip(byte[] input) {
        read(ImportFormat.WHATSAPP, "WhatsApp Chat with Sam.zip", input);
    }

    @FuzzTest(maxDuration = "5m")
    void sms(byte[] input) {
        read(ImportFormat.SMS, "sms-20240301.xml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void calls(byte[] input) {
        read(ImportFormat.CALLS, "calls-20240301.xml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void telegram(byte[] input) {
        read(ImportFormat.TELEGRAM, "result.json", input);
    }

    @FuzzTest(maxDuration = "5m")
    void facebook(byte[] input) {
        read(ImportFormat.FACEBOOK, "message_1.json", input);
    }

    @FuzzTest(maxDuration = "5m")
    void instagram(byte[] input) {
        read(ImportFormat.INSTAGRAM, "message_1.json", input);
    }

    @FuzzTest(maxDuration = "5m")
    void emailEml(byte[] input) {
        read(ImportFormat.EMAIL, "message.eml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void emailMbox(byte[] input) {
        read(ImportFormat.EMAIL, "Inbox.mbox", input);
    }

    @FuzzTest(maxDuration = "5m")
    void signal(byte[] input) {
        read(ImportFormat.SIGNAL, "signal-chat.txt", input);
    }

    @FuzzTest(maxDuration = "5m")
    void discordCsv(byte[] input) {
        read(ImportFormat.DISCORD, "messages.csv", input);
    }

    @FuzzTest(maxDuration = "5m")
    void discordJson(byte[] input) {
        read(ImportFormat.DISCORD, "channel.json", input);
    }

    @FuzzTest(maxDuration = "5m")
    void csv(byte[] input) {
        read(ImportFormat.CSV, "messages.csv", input);
    }

    /** Automatic detection over any file, as {@code casebook import --format auto} meets it. */
    @FuzzTest(maxDuration = "5m")
    void detect(byte[] input) {
        Path file = Hostile.write(DIR, "export.txt", input);
        try (ExportFile export = ExportFile.open(file)) {
            IMPORTERS.recognising(export);
        } catch (ImportException e) {
            Hostile.requireClearRefusal(e, "export.txt");
        }
    }

    private static void read(ImportFormat format, String fileName, byte[] input) {
        Path file = Hostile.write(DIR, fileName, input);
        try (ExportFile export = ExportFile.open(file)) {
            Importer importer = IMPORTERS.get(format);
            ImportContext context = new ImportContext(null, Progress.NONE);
            AttachmentReading attachments = new AttachmentReading(export, context);
            ImportService.read(importer, export, context, m -> {
                attachments.readThrough(m);
                importer.displayText(m);
            });
        } catch (ImportException e) {
            Hostile.requireClearRefusal(e, fileName);
        }
    }
}
