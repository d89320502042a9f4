package org.casebook.ui.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.evidence.VisibleText;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;

/** Reads timeline items by id (off the FX thread) and describes them in one short line. */
public final class ItemLookup {
    private static final int SNIPPET = 90;

    private ItemLookup() {
    }

    /** The items with these ids that still exist, keyed by id. */
    public static Map<Long, TimelineItem> load(Session session, Collection<Long> ids) {
        Map<Long, TimelineItem> out = new LinkedHashMap<>();
        for (long id : ids) {
            for (TimelineItem item : session.timeline().conversationAround(id, 0, 0)) {
                if (item.id() == id) {
                    out.put(id, item);
                }
            }
        }
        return out;
    }

    /** "12 Mar 2024, 21:15 · Message from Sam: Why are you …" */
    public static String describe(TimelineItem item) {
        String what = switch (item.kind()) {
            case MESSAGE -> "Message" + (item.sender() == null ? "" : " from " + VisibleText.line(item.sender()));
            case CALL -> "Call" + (item.sender() == null ? "" : " with " + VisibleText.line(item.sender()));
            case INCIDENT -> "Diary";
            case ATTACHMENT, CAPTURE -> "File";
        };
        String text = item.text() == null ? "" : item.text();
        text = text.substring(0, Math.min(text.length(), SNIPPET * 4)).strip().replaceAll("\\s+", " ");
        if (text.length() > SNIPPET) {
            text = text.substring(0, SNIPPET - 1) + "…";
        }
        return Formats.DAY_TIME.format(item.when().at()) + "  ·  " + what + (text.isEmpty() ? "" : ": "
                + VisibleText.line(text));
    }

    public static boolean isContactOrIncident(TimelineItem item) {
        return item.kind() == ItemKind.INCIDENT || item.kind() == ItemKind.MESSAGE || item.kind() == ItemKind.CALL;
    }
}
