package org.casebook.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.conduct.BreachSuggestions;
import org.casebook.conduct.ImpactService;
import org.casebook.conduct.OrderService;
import org.casebook.conduct.ReportService;
import org.casebook.conduct.TagService;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.MediaInspector;
import org.casebook.evidence.TimelineService;
import org.casebook.model.BehaviourTag;
import org.casebook.model.CourtOrder;
import org.casebook.model.ImpactKind;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.model.TimelineItem;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.PersonService;
import org.casebook.model.Case;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.When;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * Fills a throwaway vault with a clearly fictional case: about three months of diary entries, text
 * messages and photos, so a newcomer sees a full timeline in one click. Everything is generated from a
 * fixed seed; names and numbers come from ranges reserved for fiction (Ofcom's 07700 900xxx drama range,
 * example.org addresses).
 */
public final class DemoCaseBuilder {
    public static final String TITLE = "Demo case — Alex Example (fictional)";

    private static final String[] MESSAGES = {
        "Why are you ignoring me?", "I saw you at the station today.", "You looked nice in the blue coat.",
        "Answer your phone.", "I just want to talk. Five minutes.", "I know you moved. I'll find the new place.",
        "Your sister won't tell me anything. Tell her to stop blocking me.", "Are you with someone else?",
        "I'm outside. Come to the window.", "You can't just cut me off after everything.",
        "I left something on your doorstep for you.", "Don't make me come to your work again.",
        "Everyone will know what you're really like.", "I'm sorry. Please. I love you.",
        "Why did you call the police on me??", "I drove past your place last night. Lights were on late.",
        "You'll regret this.", "I made a new account since you blocked the old one.",
    };
    private static final String[] REPLIES = {
        "Please stop contacting me.", "I have asked you not to message me.", "Leave me alone.",
        "I am not going to reply again.",
    };

    private final Clock clock;

    public DemoCaseBuilder(Clock clock) {
        this.clock = clock;
    }

    public Case build(Vault vault, Progress progress) {
        Random random = new Random(20240301L);
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate end = LocalDate.now(clock.withZone(zone)).minusDays(1);
        LocalDate start = end.minusDays(90);

        progress.message("Creating the demo case");
        // the witness opened the case the morning the diary starts
        Case aCase = new CaseService(vault, at(ZonedDateTime.of(start, LocalTime.of(6, 30), zone))).add(TITLE, "AE", zone);
        PersonService people = new PersonService(vault);
        Person perpetrator = people.add(aCase.id(), "Sam Example (fictional)", PersonRole.PERPETRATOR, List.of(
                Identifier.of(IdentifierKind.PHONE, "+44 7700 900123"),
                Identifier.of(IdentifierKind.PHONE, "07700 900456"),
                Identifier.of(IdentifierKind.EMAIL, "sam@example.org"),
                Identifier.of(IdentifierKind.HANDLE, "@sam_example_demo")));
        people.add(aCase.id(), "Me", PersonRole.OTHER, List.of());
        people.add(aCase.id(), "Priya (neighbour, fictional)", PersonRole.WITNESS, List.of());

        progress.message("Writing diary entries");
        List<Incident> incidents = addIncidents(vault, aCase, start, end, random);
        progress.update(1, 3);

        progress.message("Adding messages");
        addMessages(vault, aCase, perpetrator, start, end, random);
        progress.update(2, 3);

        progress.message("Adding photos");
        addPhotos(vault, aCase, incidents, random);

        progress.message("Adding the order, reports and impact log");
        addCourseOfConduct(vault, aCase, perpetrator, incidents, start);
        progress.update(3, 3);
        return aCase;
    }

    /**
     * A restraining order part-way through with two breaches confirmed, two reports (the police one with a
     * crime number), a few impact entries, and behaviour tags on the diary entries and the worst messages,
     * so the Pattern, Orders, Reports and Impact screens show what a real case looks like.
     */
    private void addCourseOfConduct(Vault vault, Case aCase, Person perpetrator, List<Incident> incidents,
                                    LocalDate start) {
        TagService tags = new TagService(vault);
        for (Incident incident : incidents) {
            BehaviourTag tag = switch (incident.type()) {
                case FOLLOWING -> BehaviourTag.FOLLOWING;
                case LOITERING -> BehaviourTag.WATCHING_LOITERING;
                case IN_PERSON -> BehaviourTag.UNWANTED_CONTACT;
                case GIFT -> BehaviourTag.GIFTS;
                case THIRD_PARTY -> BehaviourTag.THIRD_PARTY_CONTACT;
                case PROPERTY_DAMAGE -> BehaviourTag.PROPERTY_DAMAGE;
                case SOCIAL_MEDIA -> BehaviourTag.MONITORING_ONLINE;
                case THREAT -> BehaviourTag.THREATS;
                default -> BehaviourTag.UNWANTED_CONTACT;
            };
            tags.add(incident.id(), tag);
        }
        for (TimelineItem item : new TimelineService(vault).timeline(aCase.id())) {
            if (item.kind() == ItemKind.MESSAGE && item.text() != null) {
                if (item.text().contains("regret") || item.text().contains("Everyone will know")) {
                    tags.add(item.id(), BehaviourTag.THREATS);
                } else if (item.text().contains("outside") || item.text().contains("drove past")) {
                    tags.add(item.id(), BehaviourTag.TURNING_UP_HOME);
                }
            }
        }

        OrderService orders = new OrderService(vault, clock);
        LocalDate made = start.plusDays(45);
        CourtOrder order = orders.add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER,
                "Anytown Magistrates' Court (fictional)", "AT-" + made.getYear() + "-0417", made, made.plusYears(2),
                perpetrator.id(), "Served on him at court the same day.", List.of(
                        "Not to contact Alex Example directly or indirectly, by any means",
                        "Not to enter Hill Road, Anytown")));
        addLegalDetails(vault, perpetrator, order);
        List<BreachSuggestions.Suggestion> suggested = new BreachSuggestions(vault).forOrder(order.id());
        for (int i = 0; i < Math.min(2, suggested.size()); i++) {
            orders.confirm(suggested.get(i * Math.max(1, suggested.size() / 2)).itemId(),
                    order.conditions().get(0).id(), "Messaged me after the order was served.");
        }

        Report police = new ReportService(vault, at(ZonedDateTime.of(start.plusDays(30), LocalTime.of(21, 0), aCase.zone()))).add(aCase.id(), new ReportDraft(ZonedDateTime.of(start.plusDays(30),
                LocalTime.of(18, 20), aCase.zone()), ReportRecipient.POLICE, "Anyshire Police (fictional)",
                "AS/" + start.getYear() + "/0012345", "PC 0000 Example, Anytown station",
                "Statement taken; he was arrested and bailed, then the court made a restraining order."));
        new ReportService(vault, at(ZonedDateTime.of(start.plusDays(60), LocalTime.of(12, 0), aCase.zone())))
                .add(aCase.id(), new ReportDraft(ZonedDateTime.of(start.plusDays(60), LocalTime.of(9, 5),
                aCase.zone()), ReportRecipient.PLATFORM, "Instagram", "Ticket 0000000000", null,
                "Fake account reported; removed two days later."));
        incidents.stream().filter(i -> !i.when().at().toLocalDate().isAfter(start.plusDays(30))).limit(4)
                .forEach(i -> new ReportService(vault, clock).link(police.id(), i.id()));

        // each impact entry written the evening of the day it describes
        impactOn(vault, start.plusDays(12)).add(aCase.id(), start.plusDays(12), ImpactKind.ROUTINE_CHANGE, "I take a different bus now and ask a"
                + " colleague to walk me to the stop.", List.of());
        impactOn(vault, start.plusDays(34)).add(aCase.id(), start.plusDays(34), ImpactKind.FEAR_OF_VIOLENCE, "After the voicemail I was afraid he"
                + " would hurt me. I stayed with a friend for a week.", List.of());
        impactOn(vault, start.plusDays(50)).add(aCase.id(), start.plusDays(50), ImpactKind.CHANGED_NUMBER, "Changed my phone number. The messages"
                + " started again from a new account within days.", List.of());
        impactOn(vault, start.plusDays(70)).add(aCase.id(), start.plusDays(70), ImpactKind.TIME_OFF_WORK, "Two days off work: could not sleep,"
                + " kept checking the window.", List.of());
    }

    private List<Incident> addIncidents(Vault vault, Case aCase, LocalDate start, LocalDate end, Random random) {
        Object[][] templates = {
            {IncidentType.FOLLOWING, "Walked behind me from the bus stop to the corner shop, about 20 metres back. "
                + "Stopped when I stopped.", "Hill Road bus stop", "Shaking. Took a taxi home.", null},
            {IncidentType.LOITERING, "Car parked opposite the house for over an hour with the engine running.",
                "Outside home", "Could not sleep. Checked the window all night.", "Priya (neighbour)"},
            {IncidentType.IN_PERSON, "Came up to me in the supermarket and would not let me pass the trolley.",
                "Supermarket, High Street", "Frightened. Left my shopping and went home.", null},
            {IncidentType.GIFT, "Flowers left on the doorstep with a card: 'You can't hide from me'.",
                "Front door", "Scared they know where I live now.", null},
            {IncidentType.THIRD_PARTY, "My sister received three messages asking where I am living now.",
                null, "Worried for my family.", "My sister"},
            {IncidentType.PROPERTY_DAMAGE, "Both back tyres of my car were slashed overnight.",
                "Driveway", "Had to miss work. Very afraid of what is next.", "Priya (neighbour)"},
            {IncidentType.SOCIAL_MEDIA, "A new account started following me and commented on every photo.",
                "Instagram", "Made my account private. Feel watched.", null},
            {IncidentType.THREAT, "Voicemail said I would 'regret going to the police'.",
                null, "Terrified. Stayed with a friend.", null},
            {IncidentType.CALL, "Eleven missed calls from a withheld number between 1am and 3am.",
                null, "Exhausted at work the next day.", null},
        };
        List<Incident> out = new ArrayList<>();
        int days = (int) (end.toEpochDay() - start.toEpochDay());
        int count = 36;
        for (int i = 0; i < count; i++) {
            // Incidents grow more frequent towards the end, as escalation often looks.
            double position = Math.sqrt((i + random.nextDouble()) / count);
            LocalDate day = start.plusDays(Math.min(days, (long) (position * days)));
            LocalTime time = LocalTime.of(7 + random.nextInt(16), random.nextInt(60));
            Object[] t = templates[random.nextInt(templates.length)];
            String reported = i % 7 == 3 ? "CAD " + (4000 + i * 37) + "/" + day.getMonthValue() : null;
            IncidentDraft draft = new IncidentDraft((IncidentType) t[0],
                    When.exactly(ZonedDateTime.of(day, time, aCase.zone())), (String) t[1], (String) t[2],
                    t[4] == null ? List.of() : List.of((String) t[4]), (String) t[3], reported);
            // written up in the diary a couple of hours later, as a witness would
            out.add(new IncidentService(vault, at(draft.when().at().plusHours(2))).add(aCase.id(), draft));
        }
        return out;
    }

    /**
     * The messages arrive the way a victim's would: as a phone's SMS Backup & Restore file, imported like any
     * other, so the demo shows real conversations, directions and the export file as the original.
     */
    private void addMessages(Vault vault, Case aCase, Person from, LocalDate start, LocalDate end,
                             Random random) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n");
        List<String> rows = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            double progressThrough = (day.toEpochDay() - start.toEpochDay()) / 90.0;
            int perDay = random.nextDouble() < 0.35 + 0.5 * progressThrough ? 1 + random.nextInt(8) : 0;
            LocalTime time = LocalTime.of(8, 0);
            for (int i = 0; i < perDay; i++) {
                time = time.plusMinutes(5 + random.nextInt(120));
                if (time.isBefore(LocalTime.of(8, 0))) {
                    break;
                }
                boolean reply = random.nextInt(12) == 0;
                String text = reply ? REPLIES[random.nextInt(REPLIES.length)] : MESSAGES[random.nextInt(MESSAGES.length)];
                long millis = ZonedDateTime.of(day, time, aCase.zone()).toInstant().toEpochMilli();
                rows.add("  <sms protocol=\"0\" address=\"+447700900123\" date=\"" + millis + "\" type=\""
                        + (reply ? 2 : 1) + "\" subject=\"null\" body=\"" + xmlEscape(text)
                        + "\" read=\"1\" status=\"-1\" locked=\"0\" contact_name=\"" + xmlEscape(from.name()) + "\" />");
            }
        }
        xml.append("<smses count=\"").append(rows.size()).append("\" backup_set=\"demo\" type=\"full\">\n");
        rows.forEach(r -> xml.append(r).append('\n'));
        xml.append("</smses>\n");
        Path folder = null;
        try {
            folder = Files.createTempDirectory("casebook-demo-");
            Path file = folder.resolve("sms-demo-backup.xml");
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            // the phone's backup was made and imported at the end of the period, "today" on the demo's calendar
            new ImportService(vault, Importers.standard(), new MediaInspector(), clock).importFile(aCase.id(), file,
                    new ImportOptions(ImportFormat.SMS, null, null, List.of("+447700900123"), false), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteFolder(folder);
        }
    }

    /**
     * The demo's own clock stopped at {@code moment} (never later than its "now"), so everything is added to
     * Casebook on the demo's calendar, soon after it happened, rather than on the day the demo was made.
     */
    /** How the order was served, and why the witness says the perpetrator's two numbers are his. */
    private void addLegalDetails(Vault vault, Person perpetrator, CourtOrder order) {
        new OrderService(vault, clock).edit(order.id(), order.draft().withService(order.made(),
                "Personally, at court, by the usher (fictional)"));
        org.casebook.evidence.Attributions attributions = new org.casebook.evidence.Attributions(vault, clock);
        attributions.attribute(perpetrator.id(), Identifier.of(IdentifierKind.PHONE, "+44 7700 900123"),
                "His number since we met; he called me from it for years.", false);
        attributions.attribute(perpetrator.id(), Identifier.of(IdentifierKind.PHONE, "07700 900456"),
                "A new number: the messages sign off as he always does and mention things only he knows.", false);
        attributions.attribute(perpetrator.id(), Identifier.of(IdentifierKind.EMAIL, "sam@example.org"),
                "His name is in the From line of every e-mail.", true);
    }

    private Clock at(ZonedDateTime moment) {
        java.time.Instant instant = moment.toInstant();
        return Clock.fixed(instant.isAfter(clock.instant()) ? clock.instant() : instant, java.time.ZoneOffset.UTC);
    }

    private ImpactService impactOn(Vault vault, LocalDate day) {
        return new ImpactService(vault, at(ZonedDateTime.of(day, LocalTime.of(21, 30), ZoneId.of("Europe/London"))));
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;");
    }

    private static void deleteFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // only generated, fictional demo files could be left behind
        }
    }

    private void addPhotos(Vault vault, Case aCase, List<Incident> incidents, Random random) {
        Path folder;
        try {
            folder = Files.createTempDirectory("casebook-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Incident incident : incidents) {
                if (incident.type() == IncidentType.GIFT || incident.type() == IncidentType.PROPERTY_DAMAGE
                        || incident.type() == IncidentType.LOITERING && random.nextBoolean()) {
                    Path photo = folder.resolve("IMG_" + (4100 + incident.id()) + ".jpg");
                    writePhoto(photo, incident.type().label(), random);
                    // attached when the diary entry was written
                    new AttachmentService(vault, new MediaInspector(), at(incident.when().at().plusHours(2)))
                            .attach(aCase.id(), List.of(photo), incident.id(), Progress.NONE);
                }
            }
        } finally {
            deleteFolder(folder);
        }
    }

    private static void writePhoto(Path file, String label, Random random) {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color sky = new Color(90 + random.nextInt(60), 120 + random.nextInt(60), 160 + random.nextInt(60));
        g.setPaint(new GradientPaint(0, 0, sky, 0, 900, sky.darker().darker()));
        g.fillRect(0, 0, 1200, 900);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 620, 1200, 280);
        g.setColor(new Color(255, 255, 255, 200));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("DEMO PHOTO", 60, 120);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString(label + " — fictional", 60, 190);
        g.dispose();
        try {
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
