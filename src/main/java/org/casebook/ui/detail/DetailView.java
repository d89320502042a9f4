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
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.casebook.model.Attachment;
import org.casebook.model.AuditEntry;
import org.casebook.model.Incident;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;
import org.casebook.ui.common.Icons;
import org.casebook.vault.Json;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The right-hand pane: the selected item in full, with its metadata, SHA-256 and history. */
public final class DetailView extends ScrollPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK)
            .withZone(ZoneId.systemDefault());

    /** What the pane's buttons ask the main screen to do. */
    public interface Actions {
        void edit(Incident incident);

        void delete(TimelineItem item);

        void attachTo(Incident incident);
    }

    private final VBox content = new VBox();
    private final Actions actions;

    public DetailView(DetailViewModel vm, Actions actions) {
        this.actions = actions;
        setId("detail");
        content.getStyleClass().add("detail");
        setContent(content);
        setFitToWidth(true);
        vm.detailProperty().addListener((obs, old, detail) -> render(detail));
        render(null);
    }

    private void render(ItemDetail detail) {
        content.getChildren().clear();
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
        add(field("Size", String.format("%,d bytes", a.size())));
        add(field("File last changed", STAMP.format(a.fileModified())));
        add(field("Added to the vault", STAMP.format(a.added())));
        add(hash(a.sha256()));
        add(buttons(deleteButton(d.item())));
        history(d.history());
    }

    private void renderMessage(ItemDetail.OfMessage d) {
        TimelineItem m = d.item();
        add(title("Message" + (m.sender() == null ? "" : " from " + m.sender())));
        add(field("Sent", when(m.when())));
        add(field("Source", m.source()));
        Label thread = new Label("THAT DAY'S CONVERSATION");
        thread.getStyleClass().add("section-title");
        add(thread);
        for (TimelineItem t : d.sameDay()) {
            Label who = new Label((t.sender() == null ? "" : t.sender() + "  ") + t.when().at().toLocalTime());
            who.getStyleClass().add("field-name");
            Label text = new Label(t.text());
            text.setWrapText(true);
            VBox bubble = new VBox(2, who, text);
            bubble.getStyleClass().add("bubble");
            if (t.id() == m.id()) {
                bubble.getStyleClass().add("selected");
            }
            add(bubble);
        }
        add(buttons(deleteButton(m)));
    }

    private Button deleteButton(TimelineItem item) {
        Button delete = new Button("Delete…", Icons.of(MaterialDesignD.DELETE_OUTLINE, 16));
        delete.setId("detail-delete");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> actions.delete(item));
        return delete;
    }

    private void history(List<AuditEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        add(new Separator());
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
        String text = WHEN.format(when.at()) + " (" + when.at().getZone().getId() + ")";
        if (when.end() != null) {
            text += " until " + WHEN.format(when.end());
        }
        return when.approximate() ? "About " + text : text;
    }

    private static Label title(String text) {
        Label title = new Label(text);
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
        Label text = new Label(value);
        text.setWrapText(true);
        return new VBox(2, label, text);
    }

    private static Node hash(String sha256) {
        Label label = new Label("SHA-256 (fingerprint of the original bytes)");
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
