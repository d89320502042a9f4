package org.casebook.ui.detail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.casebook.evidence.Plural;
import org.casebook.evidence.Senders;
import org.casebook.evidence.TimeWords;
import org.casebook.evidence.VisibleText;
import org.casebook.model.Attachment;
import org.casebook.model.AuditEntry;
import org.casebook.model.Incident;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;
import org.casebook.ui.common.Icons;
import org.casebook.vault.Json;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The right-hand pane: the selected item in full, with its metadata, SHA-256 and history. */
public final class DetailView extends ScrollPane {
    /** The most of one message's text a bubble lays out. */
    private static final int SHOWN_CHARS = 20_000;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK)
            .withZone(ZoneId.systemDefault());

    /** What the pane's buttons ask the main screen to do. */
    public interface Actions {
        void edit(Incident incident);

        void delete(TimelineItem item);

        void attachTo(Incident incident);

        /** "Possible breach of an order…": choose the condition the item breached. */
        void possibleBreach(ItemConductViewModel.State state);

        /** "Part of a report…": choose the report that covered the item. */
        void partOfReport(ItemConductViewModel.State state);

        /** "Capture again": a new capture of the address, compared with this one. */
        default void captureAgain(String url) {
        }

        /** "Open archived page": the capture's single-file copy, offline. */
        default void openArchivedPage(org.casebook.evidence.CaptureFacts.Capture capture) {
        }

        /** "Where it came from…": the continuity of the item's original file. */
        default void continuity(TimelineItem item, String fileName) {
        }

        /** "Open in another program…": a readable copy, after a warning, for the computer's own viewer. */
        default void openElsewhere(Attachment attachment) {
        }

        /** "Save title": the title an attached file goes by in bundles; blank returns it to its default. */
        default void exhibitTitle(TimelineItem item, String title) {
        }
    }

    private final VBox content = new VBox();
    private final Actions actions;
    private final ConductPanel conduct;

    public DetailView(DetailViewModel vm, Actions actions) {
        this.actions = actions;
        this.conduct = new ConductPanel(vm.conduct(), actions);
        setId("detail");
        content.getStyleClass().add("detail");
        setContent(content);
        setFitToWidth(true);
        vm.detailProperty().addListener((obs, old, detail) -> render(detail));
        render(null);
    }

    private void render(ItemDetail detail) {
        content.getChildren().clear();
        historyStart = null;
        if (detail == null) {
            Label empty = new Label("Select something on the timeline to see it in full here.");
            empty.getStyleClass().add("hint");
            empty.setWrapText(true);
            content.getChildren().add(empty);
            return;
        }
        if (detail instanceof ItemDetail.OfIncident d) {
            renderIncident(d);
        } else if (detail instanceof ItemDetail.OfFile d) {
            renderFile(d);
        } else if (detail instanceof ItemDetail.OfMessage d) {
            renderMessage(d);
        } else if (detail instanceof ItemDetail.OfCapture d) {
            renderCapture(d);
        }
        if (detail.item().kind() != ItemKind.ATTACHMENT && detail.item().kind() != ItemKind.CAPTURE) {
            // Before the history, so tags and prompts sit with the item rather than below its audit trail.
            int historyAt = content.getChildren().indexOf(historyStart);
            content.getChildren().add(historyAt < 0 ? content.getChildren().size() : historyAt, conduct);
        }
    }

    private void renderIncident(ItemDetail.OfIncident d) {
        Incident i = d.incident();
        add(title(i.type().label()));
        add(field("When", when(i.when())));
        add(field("What happened", i.description()));
        add(field("Where", i.location()));
        add(field("Who saw it", i.witnesses().isEmpty() ? null : String.join(", ", i.witnesses())));
        add(field("How it affected you", i.impact()));
        add(field("Reported — reference", i.policeRef()));
        add(field("Written down", STAMP.format(i.added())));
        Button edit = new Button("Edit", Icons.of(MaterialDesignP.PENCIL_OUTLINE, 16));
        edit.setId("detail-edit");
        edit.setOnAction(e -> actions.edit(i));
        Button attach = new Button("Attach files…", Icons.of(MaterialDesignP.PAPERCLIP, 16));
        attach.setId("detail-attach");
        attach.setOnAction(e -> actions.attachTo(i));
        add(buttons(edit, attach, deleteButton(d.item())));
        history(d.history());
    }

    private void renderFile(ItemDetail.OfFile d) {
        Attachment a = d.attachment();
        add(title(a.fileName()));
        if (d.preview() != null) {
            ImageView view = new ImageView(d.preview());
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setFitWidth(360);
            Slider zoom = new Slider(0.5, 4, 1);
            zoom.setId("detail-zoom");
            zoom.setAccessibleText("Zoom the photo");
            zoom.valueProperty().addListener((o, old, z) -> view.setFitWidth(360 * z.doubleValue()));
            ScrollPane scroller = new ScrollPane(view);
            scroller.setPrefViewportHeight(280);
            scroller.setPannable(true);
            add(scroller);
            HBox zoomRow = new HBox(8, new Label("Zoom"), zoom);
            zoomRow.setAlignment(Pos.CENTER_LEFT);
            add(zoomRow);
        }
        add(field("When it happened", when(a.when()) + "  (" + timeSourceText(a.timeSource()) + ")"));
        add(field("Camera", a.camera()));
        add(field("Kind of file", a.mediaType()));
        add(field("Size", Plural.of(a.size(), "byte")));
        add(field("File last changed", a.fileModified() == null ? null : STAMP.format(a.fileModified())));
        add(field("Added to the vault", STAMP.format(a.added())));
        add(hash(a.sha256()));
        add(exhibitTitle(d));
        Button elsewhere = new Button("Open in another program…", Icons.of(MaterialDesignO.OPEN_IN_NEW, 16));
        elsewhere.setId("detail-open-elsewhere");
        elsewhere.setOnAction(e -> actions.openElsewhere(a));
        add(buttons(elsewhere, continuityButton(d.item(), a.fileName()), deleteButton(d.item())));
        history(d.history());
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.UK)
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss xxx", Locale.UK);

    private void renderCapture(ItemDetail.OfCapture d) {
        org.casebook.evidence.CaptureFacts.Capture c = d.capture();
        add(title(c.title() == null || c.title().isBlank() ? c.requestedUrl() : c.title()));
        if (d.screenshot() != null) {
            ImageView view = new ImageView(d.screenshot());
            view.setId("capture-screenshot");
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setFitWidth(360);
            ScrollPane scroller = new ScrollPane(view);
            scroller.setPrefViewportHeight(300);
            scroller.setPannable(true);
            scroller.setAccessibleText("Screenshot of the whole page as captured");
            add(scroller);
        }
        List<Button> buttons = new java.util.ArrayList<>();
        if (c.htmlSha256() != null) {
            Button open = new Button("Open archived page", Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignW.WEB, 16));
            open.setId("capture-open-archived");
            open.setTooltip(new javafx.scene.control.Tooltip("See the page as it was captured, offline: nothing is"
                    + " fetched from the internet"));
            open.setOnAction(e -> actions.openArchivedPage(c));
            buttons.add(open);
        }
        Button again = new Button("Capture again", Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignR.REFRESH, 16));
        again.setId("capture-again");
        again.setTooltip(new javafx.scene.control.Tooltip("Capture the address again: Casebook says whether the page"
                + " is unchanged, changed or gone"));
        again.setOnAction(e -> actions.captureAgain(c.requestedUrl()));
        buttons.add(again);
        buttons.add(deleteButton(d.item()));
        add(buttons(buttons.toArray(Button[]::new)));
        add(field("Address asked for", c.requestedUrl()));
        if (c.finalUrl() != null && !c.finalUrl().equals(c.requestedUrl())) {
            add(field("Address arrived at", c.finalUrl()));
        }
        if (!c.redirects().isEmpty()) {
            add(field("Redirects", c.redirects().stream().map(r -> r.get("status") + "  " + r.get("url")
                    + (r.get("location") == null ? "" : "  →  " + r.get("location")))
                    .collect(java.util.stream.Collectors.joining("\n"))));
        }
        add(field("Result", c.result()));
        add(field("Server address", c.serverIp()));
        if (c.certificate() != null) {
            org.casebook.evidence.CaptureRecord.CertificateFacts cert = c.certificate();
            add(field("Certificate", "Issued to " + cert.subject() + "\nby " + cert.issuer() + "\nvalid "
                    + (cert.notBefore() == null ? "?" : UTC.format(cert.notBefore())) + " to "
                    + (cert.notAfter() == null ? "?" : UTC.format(cert.notAfter())) + "\nSHA-256 fingerprint "
                    + cert.sha256()));
        }
        add(field("Captured", UTC.format(c.capturedAt()) + "\n" + ZONED.format(c.capturedAt().atZone(c.caseZone()))
                + " (" + c.caseZone().getId() + ", the case's zone)"));
        List<org.casebook.evidence.CaptureHeaders.Shown> headers = org.casebook.evidence.CaptureHeaders.of(c.headers(),
                false);
        Node headerList = field("Response headers (" + headers.size() + ", as the server sent them)", headers.stream()
                .map(h -> h.name() + ": " + h.value()).collect(java.util.stream.Collectors.joining("\n")));
        if (headerList != null) {
            headerList.setId("capture-headers");
            add(headerList);
        }
        add(field("Note", c.note()));
        add(field("Through the proxy", c.proxy()));
        if (c.verdict() != null) {
            add(field("Re-capture", org.casebook.ui.capture.CaptureDialogTexts.verdict(c.verdict())));
        }
        if (c.diff() != null && !c.diff().isBlank()) {
            add(field("What changed (- removed, + added)", c.diff()));
        }
        add(hash(c.warcSha256(), "SHA-256 of the WARC (every response as served)"));
        if (c.htmlSha256() != null) {
            add(hash(c.htmlSha256(), "SHA-256 of the single-file copy (HTML)"));
        }
        if (c.pngSha256() != null) {
            add(hash(c.pngSha256(), "SHA-256 of the screenshot (PNG)"));
        }
        if (c.fileSha256() != null) {
            add(hash(c.fileSha256(), "SHA-256 of the file served"));
        }
        add(field("Resources kept (" + c.keptResources().size() + ")", c.keptResources().stream()
                .map(r -> r.get("url") + (r.get("sha256") == null ? "" : "\n   SHA-256 " + r.get("sha256")))
                .collect(java.util.stream.Collectors.joining("\n"))));
        add(field("Resources missing (" + c.missingResources().size() + ")", c.missingResources().stream()
                .map(r -> r.get("url") + " — " + r.get("missing")).collect(java.util.stream.Collectors.joining("\n"))));
        if (!c.warnings().isEmpty() && !"unreachable".equals(c.kind())) {
            add(field("Notes", String.join("\n", c.warnings())));
        }
        if (c.captures().size() > 1) {
            Node list = field("Captures of this address", c.captures().stream()
                    .map(s -> UTC.format(s.capturedAt()) + "  " + (s.itemId() == c.itemId() ? "(this one)  " : "")
                            + (s.verdict() == null ? "first capture" : s.verdict())
                            + (s.status() == null ? "" : ", HTTP " + s.status()))
                    .collect(java.util.stream.Collectors.joining("\n")));
            list.setId("capture-siblings");
            add(list);
        }
        history(d.history());
    }

    private void renderMessage(ItemDetail.OfMessage d) {
        TimelineItem m = d.item();
        boolean call = m.kind() == ItemKind.CALL;
        add(title((call ? "Call" : "Message") + (m.sender() == null ? "" : (call ? " with " : " from ")
                + VisibleText.line(m.sender()))));
        if (m.attributedTo() != null) {
            add(field("Attributed to", VisibleText.line(m.attributedTo()) + "  (your attribution: the export names "
                    + VisibleText.line(m.sender()) + ")"));
        }
        add(field(call ? "When" : "Sent", when(m.when())));
        add(field("Where it came from", m.source()));
        if (m.sha256() != null) {
            add(hash(m.sha256(), "SHA-256 of the export file it came from"));
        }
        Label thread = new Label(m.conversationId() == null ? "THAT DAY'S MESSAGES" : "THE CONVERSATION AROUND IT");
        thread.getStyleClass().add("section-title");
        add(thread);
        for (TimelineItem t : d.thread()) {
            add(bubble(t, t.id() == m.id()));
        }
        add(m.sha256() == null ? buttons(deleteButton(m)) : buttons(continuityButton(m, null), deleteButton(m)));
    }

    /**
     * One message as the phone showed it: sent ones on the right, received on the left, markers (deleted,
     * edited, media left out) in words, files inline, and where it came from one click away.
     */
    private Node bubble(TimelineItem t, boolean selected) {
        String markers = markers(t.flags());
        ZoneId zone = t.when().at().getZone();
        String clockMarker = TimeWords.marker(t.when(), zone);
        String sender = t.sender() == null ? "" : VisibleText.line(Senders.withAttribution(t.sender(), t.attributedTo()));
        Label who = new Label((sender.isEmpty() ? "" : sender + "  ") + (t.outgoing() ? "sent  " : "")
                + (t.when().approximate() ? "≈" : "") + TimeWords.clock(t.when(), zone)
                + (clockMarker == null ? "" : "  ·  " + clockMarker) + (markers.isEmpty() ? "" : "  ·  " + markers));
        who.getStyleClass().add("field-name");
        if (t.fromPerpetrator()) {
            // the same marking as the bundle's transcript: whoever the case records as the perpetrator, merged or not
            who.getStyleClass().add("from-perpetrator");
        }
        Label text = new Label(shown(t.text()));
        text.setWrapText(true);
        if (t.kind() == ItemKind.ATTACHMENT) {
            text.setGraphic(Icons.of(Icons.forMedia(t.type()), 16));
        }
        Label origin = new Label((t.source() == null ? "" : VisibleText.line(t.source()))
                + (t.sha256() == null ? "" : "\nSHA-256 " + t.sha256()));
        origin.getStyleClass().addAll("hint", "hash");
        origin.setWrapText(true);
        origin.setVisible(false);
        origin.setManaged(false);
        Hyperlink source = new Hyperlink("source");
        source.setAccessibleText("Show where this message came from");
        source.setOnAction(e -> {
            origin.setVisible(!origin.isVisible());
            origin.setManaged(origin.isVisible());
        });
        HBox top = new HBox(6, who, source);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox bubble = new VBox(2, top, text, origin);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(340);
        boolean outgoing = t.outgoing();
        if (outgoing) {
            bubble.getStyleClass().add("outgoing");
        }
        if (t.fromPerpetrator()) {
            bubble.getStyleClass().add("from-perpetrator");
        }
        if (selected) {
            bubble.getStyleClass().add("selected");
        }
        HBox row = new HBox(bubble);
        row.setAlignment(outgoing ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return row;
    }

    private static String markers(String flags) {
        if (flags == null || flags.isBlank()) {
            return "";
        }
        List<String> words = new java.util.ArrayList<>();
        for (String f : flags.split(",")) {
            switch (f) {
                case "deleted" -> words.add("deleted by the sender");
                case "edited" -> words.add("edited");
                case "omitted" -> words.add("media left out of the export");
                case "shortened" -> words.add("text shortened (the whole is in the export file)");
                case "unsent" -> words.add("unsent");
                case "missed" -> words.add("missed");
                case "forwarded" -> words.add("forwarded");
                case "not_sent" -> words.add("not sent");
                case "system" -> words.add("service message");
                default -> words.add(f);
            }
        }
        return String.join(", ", words);
    }

    /**
     * The title the file goes by in a bundle's index, bookmarks and front sheet, edited in place: Enter or
     * "Save title" keeps it (audited, shown in the history); a blank one returns it to the file's name.
     */
    private Node exhibitTitle(ItemDetail.OfFile d) {
        Label label = new Label("Title in the bundle");
        label.getStyleClass().add("field-name");
        TextField field = new TextField(d.exhibitTitle());
        field.setId("detail-exhibit-title");
        field.setPromptText("Empty: the file's name, without its date");
        field.setAccessibleText("Title in the bundle");
        Button save = new Button("Save title");
        save.setId("detail-exhibit-title-save");
        save.disableProperty().bind(field.textProperty().isEqualTo(d.exhibitTitle()));
        save.setOnAction(e -> actions.exhibitTitle(d.item(), field.getText()));
        field.setOnAction(e -> {
            if (!save.isDisabled()) {
                save.fire();
            }
        });
        HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(8, field, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Used in the bundle's index, bookmarks and the exhibit's front sheet.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return new VBox(2, label, row, hint);
    }

    private Button continuityButton(TimelineItem item, String fileName) {
        Button button = new Button("Where it came from…", Icons.of(MaterialDesignP.PAPERCLIP, 16));
        button.setId("detail-continuity");
        button.setOnAction(e -> actions.continuity(item, fileName));
        return button;
    }

    private Button deleteButton(TimelineItem item) {
        Button delete = new Button("Delete…", Icons.of(MaterialDesignD.DELETE_OUTLINE, 16));
        delete.setId("detail-delete");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> actions.delete(item));
        return delete;
    }

    private Separator historyStart;

    private void history(List<AuditEntry> history) {
        historyStart = null;
        if (history.isEmpty()) {
            return;
        }
        historyStart = new Separator();
        add(historyStart);
        Label title = new Label("HISTORY");
        title.getStyleClass().add("section-title");
        add(title);
        for (AuditEntry entry : history) {
            StringBuilder text = new StringBuilder(STAMP.format(entry.at())).append("  ").append(actionText(entry.action()));
            Object changes = Json.readObject(entry.detail()).get("changes");
            if (changes instanceof Map<?, ?> map) {
                map.forEach((field, change) -> {
                    if (change instanceof Map<?, ?> c) {
                        text.append("\n   ").append(field).append(": was \"").append(c.get("old"))
                                .append("\", now \"").append(c.get("new")).append('"');
                    }
                });
            }
            Label line = new Label(text.toString());
            line.setWrapText(true);
            line.getStyleClass().add("hint");
            add(line);
        }
    }

    private static String actionText(String action) {
        return switch (action) {
            case "incident-added" -> "written down";
            case "incident-edited" -> "edited";
            case "attached" -> "added to the vault";
            default -> action.replace('-', ' ');
        };
    }

    private static String timeSourceText(String source) {
        if (source == null) {
            return "time source unknown";
        }
        return switch (source) {
            case "exif" -> "from the photo's own capture time";
            case "incident" -> "the time of the diary entry it belongs to";
            default -> "from the file's last-changed time: approximate";
        };
    }

    private static String when(When when) {
        ZoneId zone = when.at().getZone();
        String text = DAY.format(TimeWords.day(when, zone)) + ", " + TimeWords.clockInWords(when, zone) + " ("
                + zone.getId() + ")";
        if (when.end() != null) {
            text += " until " + WHEN.format(when.end());
        }
        String note = TimeWords.note(when, zone);
        return note == null ? text : text + "\n" + note.substring(0, 1).toUpperCase(Locale.UK) + note.substring(1) + ".";
    }

    /**
     * A message's text as its bubble shows it: line breaks kept, control characters escaped; a text longer than
     * a window can lay out quickly (an imported text may be up to a megabyte) is shown in part, and says so.
     */
    static String shown(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= SHOWN_CHARS) {
            return VisibleText.text(text);
        }
        int end = Character.isHighSurrogate(text.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return VisibleText.text(text.substring(0, end)) + String.format("%n[… %,d more characters: the bundle has the "
                + "whole text]", text.length() - end);
    }

    /** A heading from evidence (a file name, a sender): on one line, control characters shown escaped. */
    private static Label title(String text) {
        Label title = new Label(VisibleText.line(text));
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        return title;
    }

    private static Node field(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        Label text = new Label(VisibleText.text(value));
        text.setWrapText(true);
        return new VBox(2, label, text);
    }

    private static Node hash(String sha256) {
        return hash(sha256, "SHA-256 (fingerprint of the original bytes)");
    }

    private static Node hash(String sha256, String caption) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-name");
        TextArea value = new TextArea(sha256);
        value.setId("detail-sha256");
        value.setEditable(false);
        value.setWrapText(true);
        value.setPrefRowCount(2);
        value.getStyleClass().add("hash");
        value.setAccessibleText("SHA-256 " + sha256);
        return new VBox(2, label, value);
    }

    private static Node buttons(Button... buttons) {
        FlowPane row = new FlowPane(8, 8, buttons);
        row.setPrefWrapLength(300);
        return row;
    }

    private void add(Node node) {
        if (node != null) {
            content.getChildren().add(node);
        }
    }
}
