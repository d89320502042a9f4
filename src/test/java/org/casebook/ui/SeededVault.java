package org.casebook.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.PersonService;
import org.casebook.model.Case;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.When;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;

/**
 * A small vault written through the use-cases before the app opens it: one case, two people, three diary
 * entries of different types and three messages, spread over March 2024 (times in London).
 */
final class SeededVault {
    static final String CASE_TITLE = "Test case";
    static final String SAM = "Sam Sender";
    static final String WENDY = "Wendy Witness";

    static final String THREAT = "He said he would wait outside the gym";
    static final String IGNORING = "Why are you ignoring me";
    static final String FOLLOWED = "Followed me from the bus stop to the office";
    static final String STATION = "I saw you at the station";
    static final String SAFE = "Are you safe? Call me when you can";
    static final String CALLS = "Seven missed calls in ten minutes";

    /** Every item's text in timeline order. */
    static final List<String> ALL = List.of(THREAT, IGNORING, FOLLOWED, STATION, SAFE, CALLS);

    private SeededVault() {
    }

    private static Path template;

    /**
     * A fresh copy of the seeded vault (passphrase {@link UiTestBase#PASSPHRASE}) in {@code dir}, or the copy
     * already there: the vault is written once per test run and copied, which is quicker than deriving its key
     * again every time.
     */
    static synchronized Path copyTo(Path dir) {
        try {
            if (template == null) {
                Path folder = Files.createTempDirectory("casebook-ui-seed-");
                template = create(folder, UiTestBase.PASSPHRASE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (var files = Files.list(folder)) {
                        for (Path p : files.toList()) {
                            Files.deleteIfExists(p);
                        }
                        Files.deleteIfExists(folder);
                    } catch (IOException ignored) {
                        // a temp folder with a test vault in it
                    }
                }));
            }
            Path copy = dir.resolve(template.getFileName());
            if (Files.exists(copy)) {
                return copy; // already copied for this test: open it again
            }
            for (String suffix : new String[] {"", "-wal"}) {
                Path part = Path.of(template + suffix);
                if (Files.exists(part)) {
                    Files.copy(part, Path.of(copy + suffix));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path create(Path dir, String passphrase) {
        Path file = dir.resolve("seeded.casebook");
        ZoneId zone = UiTestBase.LONDON;
        try (Vault vault = Vault.create(file, Passphrase.of(passphrase))) {
            Case c = new CaseService(vault).add(CASE_TITLE, "TC", zone);
            PersonService people = new PersonService(vault);
            Person sam = people.add(c.id(), SAM, PersonRole.PERPETRATOR,
                    List.of(Identifier.of(IdentifierKind.PHONE, "07700 900123")));
            // a friend who messaged her: a third party (the witness is the user, whose own messages are never contact)
            Person wendy = people.add(c.id(), WENDY, PersonRole.THIRD_PARTY, List.of());
            IncidentService incidents = new IncidentService(vault);
            incidents.add(c.id(), draft(IncidentType.THREAT, at(1, 21, 15), THREAT));
            incidents.add(c.id(), draft(IncidentType.FOLLOWING, at(5, 8, 30), FOLLOWED));
            incidents.add(c.id(), draft(IncidentType.CALL, at(10, 23, 50), CALLS));
            vault.write(connection -> {
                BulkItemWriter writer = new BulkItemWriter(vault, connection);
                writer.add(message(c.id(), at(2, 10, 0), IGNORING, sam.id(), 1));
                writer.add(message(c.id(), at(7, 19, 0), STATION, sam.id(), 2));
                writer.add(message(c.id(), at(8, 12, 5), SAFE, wendy.id(), 3));
                return writer.finish("messages-imported", Map.of("file", "chat.txt"));
            });
        }
        return file;
    }

    static LocalDate march(int day) {
        return LocalDate.of(2024, 3, day);
    }

    private static ZonedDateTime at(int day, int hour, int minute) {
        return march(day).atTime(hour, minute).atZone(UiTestBase.LONDON);
    }

    private static IncidentDraft draft(IncidentType type, ZonedDateTime at, String description) {
        return new IncidentDraft(type, When.exactly(at), description, null, List.of(), null, null);
    }

    private static ItemRow message(long caseId, ZonedDateTime at, String text, long sender, int line) {
        return ItemRow.of(caseId, ItemKind.MESSAGE, "message", When.exactly(at), at.toInstant().toEpochMilli(), text,
                sender, null, "chat.txt:" + line);
    }
}
