package org.casebook.ui.detail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;
import org.casebook.model.Attachment;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** Loads the full record behind the selected timeline row. */
public final class DetailViewModel {
    /** Photos larger than this are described but not previewed, to keep memory bounded. */
    static final long PREVIEW_LIMIT = 64L * 1024 * 1024;
    /** How much of a conversation is shown around the selected message. */
    static final int THREAD_BEFORE = 40;
    static final int THREAD_AFTER = 40;

    private final TaskRunner tasks;
    private final ObjectProperty<ItemDetail> detail = new SimpleObjectProperty<>();
    private final ItemConductViewModel conduct;
    private long generation;

    public DetailViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        this.conduct = new ItemConductViewModel(tasks);
    }

    /** The selected item's tags, breaches and reports. */
    public ItemConductViewModel conduct() {
        return conduct;
    }

    public ObjectProperty<ItemDetail> detailProperty() {
        return detail;
    }

    /** Shows {@code item}; {@code timeline} gives the loaded items for a message's conversation. */
    public void show(Session session, TimelineItem item, Supplier<List<TimelineItem>> timeline) {
        long mine = ++generation;
        conduct.load(session, item == null || item.kind() == ItemKind.ATTACHMENT || item.kind() == ItemKind.CAPTURE
                ? null : item);
        if (item == null) {
            detail.set(null);
            return;
        }
        if ((item.kind() == ItemKind.MESSAGE || item.kind() == ItemKind.CALL) && item.conversationId() == null) {
            List<TimelineItem> sameDay = timeline.get().stream()
                    .filter(t -> (t.kind() == ItemKind.MESSAGE || t.kind() == ItemKind.CALL)
                            && t.when().at().toLocalDate().equals(item.when().at().toLocalDate()))
                    .toList();
            detail.set(new ItemDetail.OfMessage(item, sameDay));
            return;
        }
        tasks.quick(progress -> load(session, item), loaded -> {
            if (mine == generation) {
                detail.set(loaded);
            }
        }, error -> {
            if (mine == generation) {
                detail.set(null);
            }
        });
    }

    private static ItemDetail load(Session session, TimelineItem item) {
        return switch (item.kind()) {
            case INCIDENT -> new ItemDetail.OfIncident(item, session.incidents().get(item.id()),
                    session.items().history(item.id()));
            case CAPTURE -> new ItemDetail.OfCapture(item, session.captures().get(item.id()),
                    screenshot(session, item.id()), session.items().history(item.id()));
            case ATTACHMENT -> {
                Attachment a = session.attachments().get(item.id());
                yield new ItemDetail.OfFile(item, a, preview(session, a),
                        new org.casebook.evidence.ExhibitTitles(session.vault()).of(item.id()),
                        session.items().history(item.id()));
            }
            case MESSAGE, CALL -> new ItemDetail.OfMessage(item,
                    session.timeline().conversationAround(item.id(), THREAD_BEFORE, THREAD_AFTER));
        };
    }

    /** Decoded at the width the pane shows it (a full page can be tens of thousands of pixels tall). */
    private static Image screenshot(Session session, long itemId) {
        byte[] png = session.captures().file(itemId, org.casebook.evidence.CaptureFacts.File.SCREENSHOT);
        if (png == null || png.length > PREVIEW_LIMIT) {
            return null;
        }
        Image image = new Image(new ByteArrayInputStream(png), 720, 0, true, true);
        return image.isError() ? null : image;
    }

    private static Image preview(Session session, Attachment a) {
        if (a.mediaType() == null || !a.mediaType().startsWith("image/") || a.size() > PREVIEW_LIMIT) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) a.size());
        session.attachments().copyOriginal(a.id(), bytes);
        Image image = new Image(new ByteArrayInputStream(bytes.toByteArray()));
        return image.isError() ? null : image;
    }

    public void clear() {
        generation++;
        conduct.clear();
        detail.set(null);
    }
}
