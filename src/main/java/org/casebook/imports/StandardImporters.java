package org.casebook.imports;

import java.util.List;
import org.casebook.imports.csv.CsvImporter;
import org.casebook.imports.discord.DiscordImporter;
import org.casebook.imports.email.EmailImporter;
import org.casebook.imports.meta.FacebookImporter;
import org.casebook.imports.meta.InstagramImporter;
import org.casebook.imports.signal.SignalImporter;
import org.casebook.imports.sms.CallsImporter;
import org.casebook.imports.sms.SmsImporter;
import org.casebook.imports.telegram.TelegramImporter;
import org.casebook.imports.whatsapp.WhatsAppImporter;

/**
 * The importers, in detection order: the strictest recognisers first (Signal's bracketed year-first header
 * would otherwise also pass WhatsApp's wider grammar), the generic CSV last.
 */
final class StandardImporters {
    private StandardImporters() {
    }

    static List<Importer> all() {
        return List.of(new SignalImporter(), new WhatsAppImporter(), new SmsImporter(), new CallsImporter(),
                new TelegramImporter(), new FacebookImporter(), new InstagramImporter(), new DiscordImporter(),
                new EmailImporter(), new CsvImporter());
    }
}
