package org.casebook.bundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.casebook.conduct.ConductFigures;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaptureFacts;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ConversationService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/** Picks the items a bundle holds from the case's timeline and turns them into numbered exhibits. */
final class BundleSelection {
    /** How long a summary of a diary entry or message may be in the index, exhibit list and chronology. */
    static final int DESCRIPTION_CHARS = 70;

    private BundleSelection() {
    }

    static BundleContent load(Vault vault, long caseId, BundleOptions options, Progress progress) {
        Case aCase = new CaseService(vault).get(caseId);
        AttachmentService attachments = new AttachmentService(vault);
        // Files that came with imported messages are shown at their message, never as exhibits of their own.
        Map<Long, List<Attachment>> messageFiles = attachments.ofMessages(caseId);
        Set<Long> withMessages = new HashSet<>();
        messageFiles.values().forEach(files -> files.forEach(f -> withMessages.add(f.id())));
        List<TimelineItem> incidentItems = new ArrayList<>();
        List<TimelineItem> files = new ArrayList<>();
        List<TimelineItem> captureItems = new ArrayList<>();
        Map<List<Object>, List<TimelineItem>> threads = new LinkedHashMap<>();
        Set<Long> wanted = new HashSet<>(options.itemIds());
        new TimelineService(vault).forEach(caseId, item -> {
            if (withMessages.contains(item.id())
                    || !selected(item, aCase, options, wanted) && !fileSelected(item, messageFiles, aCase, options, wanted)) {
                return;
            }
            switch (item.kind()) {
                case INCIDENT -> incidentItems.add(item);
                case ATTACHMENT -> files.add(item);
                case CAPTURE -> captureItems.add(item);
                case MESSAGE, CALL -> threads.computeIfAbsent(
                        java.util.Arrays.asList(item.conversationId(), item.sha256(), item.kind()),
                        k -> new ArrayList<>()).add(item);
            }
        });
        progress.checkCancelled();

        IncidentService incidentService = new IncidentService(vault);
        List<Incident> incidents = incidentItems.stream().map(i -> incidentService.get(i.id())).toList();
        Map<Long, Incident> incidentsById = new LinkedHashMap<>();
        incidents.forEach(i -> incidentsById.put(i.id(), i));

        List<ExhibitItem> exhibits = new ArrayList<>();
        // summaries are cut short: redact first, so no cut leaves the start of a redacted text behind
        Redactor redactor = new Redactor(options.redactions());
        Map<Long, String> titles = new org.casebook.evidence.ExhibitTitles(vault).given(caseId);
        for (TimelineItem file : files) {
            if (file.sha256() == null) {
                continue; // nothing stored to exhibit
            }
            exhibits.add(fileExhibit(attachments.get(file.id()), titles, incidentsById, incidentService, redactor));
        }
        Map<Long, CaptureFacts.Capture> captures = new CaptureFacts(vault).of(
                captureItems.stream().map(TimelineItem::id).toList());
        for (List<CaptureFacts.Capture> address : CaptureExhibits.byAddress(captures, new CaptureFacts(vault))) {
            exhibits.add(CaptureExhibits.exhibit(address, captureItems, aCase.zone()));
        }
        ConversationService conversations = new ConversationService(vault);
        Map<Long, ConversationService.Conversation> byId = conversations.conversations(caseId);
        Map<String, ConversationService.ExportFileInfo> exports = conversations.exportFiles(caseId);
        for (List<TimelineItem> thread : threads.values()) {
            exhibits.add(threadExhibit(thread, byId, exports, messageFiles));
        }
        exhibits.sort(Comparator.comparing((ExhibitItem e) -> e.at().toInstant()).thenComparingLong(ExhibitItem::itemId));
        var summary = new ConductFigures(vault).summarise(caseId, options.from(), options.to(), redactor::page);
        // the user's sections and order (and a family bundle's orders first) decide the order the marks run in
        ExhibitGroups.requireKnown(exhibits, options.sections());
        exhibits = new ArrayList<>(ExhibitGroups.ordered(exhibits, options, ExhibitGroups.orderDocuments(summary)));

        String prefix = options.exhibitPrefix() == null || options.exhibitPrefix().isBlank()
                ? aCase.initials() : options.exhibitPrefix().strip();
        List<ExhibitItem> numbered = new ArrayList<>();
        Map<Long, List<String>> incidentExhibits = new LinkedHashMap<>();
        for (int i = 0; i < exhibits.size(); i++) {
            ExhibitItem e = exhibits.get(i).numbered(prefix + "/" + (i + 1));
            numbered.add(e);
            for (ExhibitItem original : e.originals()) {
                for (long incidentId : original.incidentIds()) {
                    incidentExhibits.computeIfAbsent(incidentId, k -> new ArrayList<>()).add(original.reference());
                }
            }
        }
        String auditHead = vault.read(c -> vault.audit().headHash(c));
        return new BundleContent(aCase, options, incidents, numbered, summary, auditHead,
                incidentExhibits, captures, LegalRecordsLoader.load(vault, caseId, incidents, summary),
                new org.casebook.evidence.CaseCovers(vault).get(caseId));
    }

    /**
     * A message not selected itself whose file is (the user picked the photo, or only photos and files): the file
     * is shown where it was sent, so its message comes too. A file has its message's time, so the period is the
     * message's.
     */
    private static boolean fileSelected(TimelineItem item, Map<Long, List<Attachment>> messageFiles, Case aCase,
                                        BundleOptions o, Set<Long> wanted) {
        List<Attachment> sent = messageFiles.get(item.id());
        if (sent == null || !o.kinds().isEmpty() && !o.kinds().contains(ItemKind.ATTACHMENT)) {
            return false;
        }
        LocalDate day = item.when().at().withZoneSameInstant(aCase.zone()).toLocalDate();
        if (o.from() != null && day.isBefore(o.from()) || o.to() != null && day.isAfter(o.to())) {
            return false;
        }
        // picked by id: any of its files, the e-mail's own original too; by kind: the files sent with it
        return sent.stream().anyMatch(f -> wanted.isEmpty() ? f.sentWithMessage() : wanted.contains(f.id()));
    }

    private static boolean selected(TimelineItem item, Case aCase, BundleOptions o, Set<Long> wanted) {
        LocalDate day = item.when().at().withZoneSameInstant(aCase.zone()).toLocalDate();
        if (o.from() != null && day.isBefore(o.from()) || o.to() != null && day.isAfter(o.to())) {
            return false;
        }
        if (!o.kinds().isEmpty() && !o.kinds().contains(item.kind())) {
            return false;
        }
        if (item.kind() == ItemKind.INCIDENT && !o.incidentTypes().isEmpty()
                && !o.incidentTypes().contains(item.type())) {
            return false;
        }
        return wanted.isEmpty() || wanted.contains(item.id());
    }

    /**
     * An attached file as an exhibit, described by its title (the one its owner gave, else its name without the
     * date), its kind, and the diary entry it belongs to, in full: the index and exhibit list wrap it.
     */
    private static ExhibitItem fileExhibit(Attachment a, Map<Long, String> titles, Map<Long, Incident> selectedIncidents,
                                           IncidentService incidents, Redactor redactor) {
        String type = mediaType(a);
        ExhibitItem.Kind kind = PrintImages.canPrint(type) ? ExhibitItem.Kind.PHOTO
                : type.equals("application/pdf") ? ExhibitItem.Kind.PDF : ExhibitItem.Kind.FILE;
        String title = titles.getOrDefault(a.id(), org.casebook.evidence.FileNameDates.title(a.fileName()));
        StringBuilder description = new StringBuilder(title).append(" (").append(kindNoun(type)).append(")");
        if (!a.incidentIds().isEmpty()) {
            Incident incident = selectedIncidents.get(a.incidentIds().get(0));
            if (incident == null) {
                incident = incidents.get(a.incidentIds().get(0));
            }
            description.append(" — ").append(incident.type().label()).append(": ")
                    .append(redactor.page(incident.description()).replaceAll("\\s+", " ").strip());
        }
        return new ExhibitItem(null, kind, a.id(), kindLabel(type), description.toString(), "Attached file " + a.fileName(),
                a.fileName(), type, a.size(), a.when().at(), null, a.when().approximate(), a.added(), a.sha256(),
                a.timeSource(), a.camera(), List.of(), a.incidentIds(), null, List.of());
    }

    /** A file sent with a message: shown at the message in its conversation's transcript. */
    private static ExhibitItem sentFile(Attachment a, TimelineItem message) {
        String type = mediaType(a);
        ExhibitItem.Kind kind = PrintImages.canPrint(type) ? ExhibitItem.Kind.PHOTO : ExhibitItem.Kind.FILE;
        String from = message.sender() == null ? "" : " from " + message.sender();
        return new ExhibitItem(null, kind, a.id(), kindLabel(type), kindLabel(type) + " sent with a message" + from,
                message.source() == null ? a.fileName() : message.source(), a.fileName(), type, a.size(),
                a.when().at(), null, a.when().approximate(), a.added(), a.sha256(), a.timeSource(), a.camera(),
                List.of(), a.incidentIds(), message.id(), List.of());
    }

    private static String mediaType(Attachment a) {
        return a.mediaType() == null ? "application/octet-stream" : a.mediaType();
    }

    private static ExhibitItem threadExhibit(List<TimelineItem> thread,
                                             Map<Long, ConversationService.Conversation> conversations,
                                             Map<String, ConversationService.ExportFileInfo> exports,
                                             Map<Long, List<Attachment>> messageFiles) {
        TimelineItem first = thread.get(0);
        TimelineItem last = thread.get(thread.size() - 1);
        ConversationService.Conversation conversation = first.conversationId() == null ? null
                : conversations.get(first.conversationId());
        ConversationService.ExportFileInfo export = first.sha256() == null ? null : exports.get(first.sha256());
        String channel = conversation != null ? conversation.channel() : export != null ? export.format() : "";
        String with = conversation == null ? null : conversation.name();
        List<ExhibitItem> sent = new ArrayList<>();
        for (TimelineItem m : thread) {
            for (Attachment a : messageFiles.getOrDefault(m.id(), List.of())) {
                // The message's own original (an e-mail as received) travels inside the export file, this
                // exhibit's original, and so does a file identical to the export file itself.
                if (a.sentWithMessage() && !a.sha256().equals(first.sha256())) {
                    sent.add(sentFile(a, m));
                }
            }
        }
        boolean calls = first.kind() == ItemKind.CALL;
        String noun = calls ? (thread.size() == 1 ? "call" : "calls") : (thread.size() == 1 ? "message" : "messages");
        String typeLabel = channelLabel(channel) + (calls ? " calls" : " messages");
        // an e-mail conversation is named by its subject, not by a person
        String named = with == null ? "" : channelLabel(channel).equals("E-mail") ? ", subject \u201C" + with + "\u201D"
                : " with " + with;
        String description = typeLabel + named + " (" + thread.size() + " " + noun
                + (sent.isEmpty() ? "" : ", " + sent.size() + (sent.size() == 1 ? " file" : " files") + " sent with"
                + (thread.size() == 1 ? " it" : " them")) + ")";
        String fileName = export != null ? export.fileName() : first.source() == null ? "export"
                : first.source().split(" ")[0];
        String source = first.source() == null ? fileName
                : first.source() + (thread.size() > 1 && last.source() != null ? " to " + lastPart(last.source(), fileName) : "");
        return new ExhibitItem(null, ExhibitItem.Kind.CONVERSATION, first.id(), typeLabel, description, source, fileName,
                mediaTypeOf(fileName), -1, first.when().at(), last.when().at(), false, first.added(),
                first.sha256(), TimeSources.EXPORT, null, thread, List.of(), null, sent);
    }

    /** "export.xml line 9" after "export.xml line 3" reads better as "line 9". */
    private static String lastPart(String source, String fileName) {
        return source.startsWith(fileName + " ") ? source.substring(fileName.length() + 1) : source;
    }

    static String channelLabel(String channel) {
        return org.casebook.conduct.Channels.label(channel);
    }

    /** The kind of file as a noun inside a sentence: "photograph", "video recording", "PDF document". */
    static String kindNoun(String mediaType) {
        String label = kindLabel(mediaType);
        return label.startsWith("PDF") ? label : label.toLowerCase(Locale.ROOT);
    }

    static String kindLabel(String mediaType) {
        if (mediaType.startsWith("image/")) {
            return "Photograph";
        }
        if (mediaType.startsWith("video/")) {
            return "Video recording";
        }
        if (mediaType.startsWith("audio/")) {
            return "Audio recording";
        }
        if (mediaType.equals("application/pdf")) {
            return "PDF document";
        }
        if (mediaType.startsWith("text/") || mediaType.contains("message")) {
            return "Document";
        }
        return "File";
    }

    private static String mediaTypeOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml")) {
            return "application/xml";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".zip")) {
            return "application/zip";
        }
        if (lower.endsWith(".txt") || lower.endsWith(".csv")) {
            return "text/plain";
        }
        if (lower.endsWith(".mbox") || lower.endsWith(".eml")) {
            return "message/rfc822";
        }
        return "application/octet-stream";
    }

}
