package org.casebook.ui.timeline;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.casebook.evidence.Plural;
import org.casebook.evidence.Senders;
import org.casebook.evidence.TimeWords;
import org.casebook.evidence.VisibleText;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.javafx.FontIcon;

/** One timeline row; its nodes are made once and reused as the list scrolls (the list is virtualized). */
final class TimelineCell extends ListCell<TimelineRow> {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** A row shows one line: a message of a megabyte is not laid out whole for it. */
    private static final int PREVIEW_CHARS = 500;

    private final Label dayLabel = new Label();
    private final FontIcon icon = new FontIcon();
    private final Label time = new Label();
    private final Label sender = new Label();
    private final Label text = new Label();
    private final HBox entry = new HBox(10, icon, time, sender, text);

    TimelineCell() {
        // A zero preferred width makes the cell follow the list's width, so long text is cut with "…"
        // instead of growing a horizontal scroll bar.
        setPrefWidth(0);
        text.setMinWidth(0);
        dayLabel.getStyleClass().add("day-header");
        icon.setIconSize(18);
        icon.getStyleClass().add("icon");
        time.getStyleClass().add("item-time");
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sender.getStyleClass().add("sender");
        sender.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.getStyleClass().add("item-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        entry.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(TimelineRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            setAccessibleText(null);
            setDisable(false);
            return;
        }
        if (row instanceof TimelineRow.Day day) {
            dayLabel.setText(DAY.format(day.day()) + "  ·  " + Plural.of(day.count(), "item"));
            setGraphic(dayLabel);
            setAccessibleText(dayLabel.getText());
            return;
        }
        TimelineItem item = ((TimelineRow.Entry) row).item();
        icon.setIconCode(Icons.forItem(item.kind(), item.type()));
        time.setText((item.when().approximate() ? "≈" : " ") + TimeWords.clock(item.when(), item.when().at().getZone()));
        boolean hasSender = item.sender() != null;
        sender.setText(hasSender ? VisibleText.line(Senders.withAttribution(item.sender(), item.attributedTo())) + ":"
                : "");
        sender.setVisible(hasSender);
        sender.setManaged(hasSender);
        text.setText(oneLine(item));
        setGraphic(entry);
        setAccessibleText(describe(item));
    }

    /** The item's text on one line, control characters shown escaped; a long text only as far as a row shows it. */
    private static String oneLine(TimelineItem item) {
        String text = item.text() == null ? "" : item.text();
        if (text.length() > PREVIEW_CHARS) {
            text = text.substring(0, PREVIEW_CHARS) + "…";
        }
        // a message's line breaks read as spaces in a one-line preview; one in a file name is shown as \n
        String body = VisibleText.line(item.kind() == ItemKind.ATTACHMENT ? text : text.replace('\n', ' '));
        String marker = TimeWords.marker(item.when(), item.when().at().getZone());
        if (marker != null) {
            body = "[" + marker + "] " + body;
        }
        if (item.kind() == ItemKind.INCIDENT) {
            try {
                return IncidentType.fromCode(item.type()).label() + " — " + body;
            } catch (IllegalArgumentException e) {
                return body;
            }
        }
        return body;
    }

    static String describe(TimelineItem item) {
        String what = switch (item.kind()) {
            case INCIDENT -> "Diary entry";
            case MESSAGE -> (item.outgoing() ? "Message you sent" : "Message") + (item.sender() == null ? ""
                    : (item.outgoing() ? " as " : " from ") + who(item));
            case CALL -> "Call" + (item.sender() == null ? "" : " with " + who(item));
            case ATTACHMENT -> "File";
            case CAPTURE -> "Web page";
        };
        return what + " at " + TimeWords.clock(item.when(), item.when().at().getZone())
                + (item.when().approximate() ? " (approximate)" : "") + ": " + oneLine(item);
    }

    private static String who(TimelineItem item) {
        return VisibleText.line(Senders.withAttribution(item.sender(), item.attributedTo()));
    }
}
